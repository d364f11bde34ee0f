using Graph.Domain;
using Graph.Store;

namespace Graph.Harvest.Tests.Support;

/// <summary>Everything a store holds, read once, for assertions.</summary>
internal sealed class GraphContent : IChangeSink
{
    private readonly Dictionary<NodeRef, NodeRecord> _nodes = [];
    private readonly List<EdgeRecord> _edges = [];

    public IReadOnlyList<EdgeRecord> Edges => _edges;

    public static async Task<GraphContent> ReadAsync(IGraphStore store, CancellationToken cancellationToken = default)
    {
        var content = new GraphContent();
        await store.ReadAllAsync(content, cancellationToken);
        return content;
    }

    public IReadOnlyList<NodeRecord> Nodes(string label) => _nodes.Values.Where(n => n.Label == label).OrderBy(n => n.Key, StringComparer.Ordinal).ToArray();

    public NodeRecord Node(string label, string key) => _nodes[new NodeRef(label, key)];

    public IReadOnlyList<EdgeRecord> EdgesOf(string type) => _edges.Where(e => e.Type == type).ToArray();

    void IChangeSink.Node(StoredNode node)
    {
        if (!node.Deleted)
            _nodes[node.Node.Ref] = node.Node;
    }

    void IChangeSink.Edge(StoredEdge edge)
    {
        if (!edge.Deleted)
            _edges.Add(edge.Edge);
    }
}
