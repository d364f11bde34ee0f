using Graph.Store;

namespace Graph.Bench.Neo4j;

/// <summary>Counts what a store streams, keeping nothing.</summary>
internal sealed class CountingSink : IChangeSink
{
    public long Nodes { get; private set; }

    public long Edges { get; private set; }

    public void Node(StoredNode node) => Nodes++;

    public void Edge(StoredEdge edge) => Edges++;
}
