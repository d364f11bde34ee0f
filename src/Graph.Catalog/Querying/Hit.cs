namespace Graph.Catalog.Querying;

/// <summary>A row found by text search, before it is resolved to a node: its kind's place in the search order, its row, score and best field.</summary>
internal readonly record struct Hit(int KindOrder, int Ordinal, double Score, string Field, string Text);
