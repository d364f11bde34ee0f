namespace Graph.Catalog.Disclosure;

/// <summary>Counts per value of one facet, protected: values whose count is withheld for the caller are not listed.</summary>
/// <param name="Field">The facet path.</param>
/// <param name="Values">The listed values, largest count first, at most the limit.</param>
/// <param name="Missing">Nodes with no value.</param>
/// <param name="Other">Node-value pairs of the values not listed (beyond the limit or withheld).</param>
/// <param name="DistinctValues">The number of values that could be listed (before the limit).</param>
public sealed record ProtectedFacet(string Field, IReadOnlyList<ProtectedFacetValue> Values, ProtectedCount Missing, ProtectedCount Other, int DistinctValues);

/// <summary>One listed value of a protected facet.</summary>
/// <param name="Value">The value as text.</param>
/// <param name="Label">A display label when the value is a code.</param>
/// <param name="Count">Nodes with the value.</param>
public sealed record ProtectedFacetValue(string Value, string? Label, ProtectedCount Count);

/// <summary>How an aggregate answer was protected for its caller.</summary>
/// <param name="Exact">Whether the caller may read every record, so that every figure is exact.</param>
/// <param name="Threshold">Counts of unreadable records from fewer patients are withheld.</param>
/// <param name="RoundingStep">Shown counts of unreadable records are multiples of this.</param>
/// <param name="NoiseScale">The standard deviation of one layer of noise, in patients.</param>
/// <param name="LimitedToReadable">Conditions that name individual records (pseudonyms, UIDs, cohort membership), which matched only readable records.</param>
public sealed record Protection(bool Exact, int Threshold, int RoundingStep, double NoiseScale, IReadOnlyList<string> LimitedToReadable);
