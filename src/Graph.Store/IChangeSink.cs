namespace Graph.Store;

/// <summary>Receives nodes and relationships streamed from the store, nodes of a read before its relationships.</summary>
public interface IChangeSink
{
    /// <summary>Receives a node (live, or deleted when reading changes).</summary>
    void Node(StoredNode node);

    /// <summary>Receives a relationship (live, or deleted when reading changes).</summary>
    void Edge(StoredEdge edge);
}
