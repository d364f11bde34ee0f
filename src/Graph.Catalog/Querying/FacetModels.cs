namespace Graph.Catalog.Querying;

/// <summary>One value of a facet with the number of nodes that have it.</summary>
/// <param name="Value">The value as text (numbers in invariant form).</param>
/// <param name="Count">Nodes with the value.</param>
/// <param name="Label">A display label when the value is a code (a cancer type's name for its code).</param>
public sealed record FacetValue(string Value, int Count, string? Label);

/// <summary>Counts per value of one facet field.</summary>
/// <param name="Field">The facet path.</param>
/// <param name="Values">The most frequent values, most frequent first, at most the limit.</param>
/// <param name="Missing">Nodes with no value.</param>
/// <param name="Other">Node-value pairs of values beyond the limit.</param>
/// <param name="Distinct">The number of distinct values.</param>
public sealed record FacetResult(string Field, IReadOnlyList<FacetValue> Values, int Missing, int Other, int Distinct);

/// <summary>One bin of a histogram: values from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive, inclusive for the last bin).</summary>
public sealed record HistogramBin(double From, double To, int Count);

/// <summary>The distribution of a numeric field.</summary>
public sealed record HistogramResult(string Field, int Count, int Missing, double? Min, double? Max, double? Mean, IReadOnlyList<HistogramBin> Bins)
{
    /// <summary>The values added up (null when no node has a value).</summary>
    public double? Sum { get; init; }
}
