using Graph.Store;

namespace Graph.Testing;

/// <summary>Keeps every node and relationship a store streams.</summary>
public sealed class CollectingSink : IChangeSink
{
    public List<StoredNode> Nodes { get; } = [];

    public List<StoredEdge> Edges { get; } = [];

    public void Node(StoredNode node) => Nodes.Add(node);

    public void Edge(StoredEdge edge) => Edges.Add(edge);
}
