using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Api.Schema;

/// <summary>A page of a connection as resolved: the nodes, what lies around them, and the filtered set for facets.</summary>
internal sealed class ConnectionSource(CatalogSnapshot snapshot, NodeKind kind, Page page, Func<Clauses> clauses)
{
    private Clauses? _clauses;

    public CatalogSnapshot Snapshot { get; } = snapshot;

    public NodeKind Kind { get; } = kind;

    public Page Page { get; } = page;

    /// <summary>The connection's filter clauses over its scope, evaluated on first use (by facets and histograms).</summary>
    public Clauses Clauses => _clauses ??= clauses();

    public IEnumerable<GraphNode> Nodes => Page.Ordinals.Select(o => Snapshot.At(Kind, o)!);

    public IEnumerable<(string Cursor, GraphNode Node)> Edges => Page.Ordinals.Select(o => (Cursor.Encode(o), Snapshot.At(Kind, o)!));

    public string? StartCursor => Page.Ordinals.Count > 0 ? Cursor.Encode(Page.Ordinals[0]) : null;

    public string? EndCursor => Page.Ordinals.Count > 0 ? Cursor.Encode(Page.Ordinals[^1]) : null;
}
