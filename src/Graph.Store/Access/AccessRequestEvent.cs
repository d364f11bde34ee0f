namespace Graph.Store.Access;

/// <summary>One step of an access request's history: who did what, when, with the text they gave (a purpose, a question, a reason).</summary>
/// <param name="Time">When (UTC).</param>
/// <param name="Actor">The caller's id (API key id as <c>key:…</c>, token subject, or <c>system</c> for an expiry).</param>
/// <param name="Action">submit, comment, review, approve, reject, withdraw, revoke or expire.</param>
/// <param name="Status">The status after the step.</param>
/// <param name="Text">The text the actor gave, or null.</param>
public sealed record AccessRequestEvent(DateTimeOffset Time, string Actor, string Action, AccessRequestStatus Status, string? Text);
