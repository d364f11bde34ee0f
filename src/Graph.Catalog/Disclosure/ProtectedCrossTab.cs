namespace Graph.Catalog.Disclosure;

/// <summary>Counts per pair of values of two facets, protected: each row is a protected facet of the columns over the nodes with the row's value.</summary>
/// <param name="Rows">The facet path of the rows.</param>
/// <param name="Columns">The facet path of the columns.</param>
/// <param name="Cells">The listed rows (as the rows' own facet lists them), then the row of nodes without a row value.</param>
/// <param name="OtherRows">Node-value pairs of the row values not listed (beyond the limit or withheld).</param>
public sealed record ProtectedCrossTab(string Rows, string Columns, IReadOnlyList<ProtectedCrossTabRow> Cells, ProtectedCount OtherRows);

/// <summary>One row of a protected cross-tabulation.</summary>
/// <param name="Value">The row value; null for the nodes without one.</param>
/// <param name="Label">A display label when the value is a code.</param>
/// <param name="Total">Nodes with the row value (the same figure as the rows' facet gives).</param>
/// <param name="Columns">The columns' counts over those nodes, with their missing and other counts.</param>
public sealed record ProtectedCrossTabRow(string? Value, string? Label, ProtectedCount Total, ProtectedFacet Columns);
