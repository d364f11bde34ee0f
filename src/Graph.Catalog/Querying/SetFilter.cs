namespace Graph.Catalog.Querying;

/// <summary>Matches a fixed set of nodes (the records a caller may read, say); never built from user input.</summary>
/// <param name="Set">The nodes that match.</param>
/// <param name="Name">A stable name of the set for cache keys (the same name must always mean the same set within a snapshot).</param>
internal sealed record SetFilter(Bitset Set, string Name) : Filter;
