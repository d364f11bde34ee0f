using Graph.Api.Schema.Execution;
using Graph.Catalog;

namespace Graph.Api.Schema.Features.Cohort;

/// <summary>Who may read a cohort besides its owner, curators and admins.</summary>
/// <param name="Visibility">PRIVATE, SHARED or PUBLIC.</param>
/// <param name="SharedWith">The callers a SHARED cohort is shared with (empty otherwise).</param>
internal sealed record CohortSharing(string Visibility, IReadOnlyList<string> SharedWith)
{
    /// <summary>A cohort only its owner reads (the default).</summary>
    public static CohortSharing Private { get; } = new("PRIVATE", []);

    /// <summary>The sharing a saved cohort has.</summary>
    public static CohortSharing Of(GraphNode cohort) =>
        new(cohort["visibility"] as string ?? "PRIVATE", cohort["sharedWith"] as string[] ?? []);

    /// <summary>Reads a visibility and a list of callers from input, checking that they agree.</summary>
    /// <exception cref="GraphQL.ExecutionError">BAD_USER_INPUT naming the input and the reason.</exception>
    public static CohortSharing Parse(string? visibility, IEnumerable<object?>? sharedWith)
    {
        var readers = (sharedWith ?? []).Select(r => (r as string)?.Trim() ?? "").ToList();
        if (readers.Any(r => r.Length is 0 or > 200))
            throw ErrorCodes.BadInput("'sharedWith' must name callers with 1 to 200 characters each (key:ID for an API key).");
        visibility ??= readers.Count > 0 ? "SHARED" : "PRIVATE";
        if (!CohortService.Visibilities.Contains(visibility))
            throw ErrorCodes.BadInput($"'visibility' must be one of {string.Join(", ", CohortService.Visibilities)}.");
        if (visibility == "SHARED" && readers.Count == 0)
            throw ErrorCodes.BadInput("'sharedWith' must name at least one caller when 'visibility' is SHARED.");
        if (visibility != "SHARED" && readers.Count > 0)
            throw ErrorCodes.BadInput($"'sharedWith' is only for SHARED cohorts, not {visibility} ones.");
        return new CohortSharing(visibility, readers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }
}
