using Graph.Catalog.Querying;

namespace Graph.Api.Schema;

/// <summary>A facet as answered: exact, or with its counts protected by a small-count threshold.</summary>
internal sealed record FacetView(FacetResult Result, int? Threshold)
{
    public IEnumerable<FacetValueView> Values => Result.Values.Select(v => new FacetValueView(v, Threshold));

    public static FacetView Exact(FacetResult result) => new(result, null);

    public long? Protect(long count) => Security.AccessPolicy.Protect(count, Threshold);
}

/// <summary>A facet value as answered, with the threshold of its facet.</summary>
internal sealed record FacetValueView(FacetValue Value, int? Threshold)
{
    public long? Count => Security.AccessPolicy.Protect(Value.Count, Threshold);
}
