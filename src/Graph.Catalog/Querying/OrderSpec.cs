namespace Graph.Catalog.Querying;

/// <summary>One sort key: a field of the node kind, ascending or descending. Missing values sort last either way.</summary>
public sealed record OrderSpec(string Field, bool Descending);
