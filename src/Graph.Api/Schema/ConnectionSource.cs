using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Api.Schema;

/// <summary>A page of a connection as resolved: the nodes and what lies around them.</summary>
internal sealed class ConnectionSource(CatalogSnapshot snapshot, NodeKind kind, Page page)
{
    public Page Page { get; } = page;

    public IEnumerable<GraphNode> Nodes => Page.Ordinals.Select(o => snapshot.At(kind, o)!);

    public IEnumerable<(string Cursor, GraphNode Node)> Edges => Page.Ordinals.Select(o => (Cursor.Encode(o), snapshot.At(kind, o)!));

    public string? StartCursor => Page.Ordinals.Count > 0 ? Cursor.Encode(Page.Ordinals[0]) : null;

    public string? EndCursor => Page.Ordinals.Count > 0 ? Cursor.Encode(Page.Ordinals[^1]) : null;
}
