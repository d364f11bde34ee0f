namespace Graph.Api.Security;

/// <summary>One audited action: who, what and when, never a patient identifier (no variables, no document text).</summary>
/// <param name="Time">When (UTC).</param>
/// <param name="Caller">The caller's id (API key id, token subject or "anonymous").</param>
/// <param name="Role">The caller's role.</param>
/// <param name="Action">mutation, read (a read that may return records of registered or restricted datasets) or manifest.</param>
/// <param name="Operation">The operation name, or null.</param>
/// <param name="Fields">The root fields run, or the cohort of a manifest.</param>
/// <param name="Datasets">The datasets beyond the open tier whose records the caller may read (tiers and grants).</param>
/// <param name="Outcome">ok, error, or denied.</param>
public sealed record AuditEntry(DateTimeOffset Time, string Caller, string Role, string Action, string? Operation, IReadOnlyList<string> Fields, string Datasets, string Outcome);
