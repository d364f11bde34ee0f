namespace Graph.Catalog.Querying;

/// <summary>Counts of one facet split into the records a caller may read and the others.</summary>
/// <param name="Field">The facet path.</param>
/// <param name="Values">Every value with its counts, in no particular order.</param>
/// <param name="Missing">Nodes with no value.</param>
internal sealed record SplitFacet(string Field, IReadOnlyList<SplitFacetValue> Values, SplitCount Missing);

/// <summary>One value of a split facet.</summary>
internal sealed record SplitFacetValue(string Value, string? Label, SplitCount Count);

/// <summary>A count split into readable records and the others, with how many distinct owners (patients) the others have, up to a bound.</summary>
/// <param name="Readable">Readable nodes.</param>
/// <param name="Unreadable">Unreadable nodes.</param>
/// <param name="UnreadableOwners">Distinct owners of the unreadable nodes, counted up to <see cref="Facets.OwnerBound"/> (the node itself when nodes have no owner).</param>
internal readonly record struct SplitCount(long Readable, long Unreadable, long UnreadableOwners)
{
    public static SplitCount operator +(SplitCount a, SplitCount b) =>
        new(a.Readable + b.Readable, a.Unreadable + b.Unreadable, Math.Max(a.UnreadableOwners, b.UnreadableOwners));
}
