namespace Graph.Catalog.Querying;

/// <summary>Where a search word matched in a hit's text: start and length in UTF-16 code units.</summary>
public sealed record TextSpan(int Start, int Length);

/// <summary>One node found by text search, with its score, the field that matched best, its cursor and the words of the text that matched.</summary>
public sealed record SearchHit(GraphNode Node, double Score, string Field, string Text, string Cursor, IReadOnlyList<TextSpan> Highlights);

/// <summary>The hits of a text search: how many nodes matched, the best ones after the cursor, and whether more follow.</summary>
public sealed record SearchResult(int TotalCount, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, int> CountsByKind, bool HasNextPage = false)
{
    /// <summary>The cursor of the last hit, to ask for the next page.</summary>
    public string? EndCursor => Hits.Count > 0 ? Hits[^1].Cursor : null;
}
