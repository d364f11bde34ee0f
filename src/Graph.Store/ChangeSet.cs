using Graph.Domain;

namespace Graph.Store;

/// <summary>A set of changes applied to the graph in one transaction: all of it or none of it.</summary>
/// <remarks>
/// Nodes are merged into stored nodes by natural key (see <see cref="NodeRecord"/>); relationships are merged by
/// type and end points, and both their end nodes must exist once the set is applied. Deleting a node deletes its
/// relationships. Applying the same content twice changes nothing the second time; applying the same set (the same
/// <see cref="Id"/>) twice reports the first commit's outcome the second time.
/// </remarks>
public sealed class ChangeSet
{
    /// <summary>Nodes to create or update.</summary>
    public List<NodeRecord> Nodes { get; } = [];

    /// <summary>Relationships to create or update.</summary>
    public List<EdgeRecord> Edges { get; } = [];

    /// <summary>Nodes to delete, with their relationships.</summary>
    public List<NodeRef> DeletedNodes { get; } = [];

    /// <summary>Relationships to delete (their properties are ignored).</summary>
    public List<EdgeRecord> DeletedEdges { get; } = [];

    /// <summary>What produced the change (seed, ingest, mutation), recorded with it.</summary>
    public string Source { get; init; } = "unknown";

    /// <summary>The set's identity, recorded with its change sequence in the same transaction, so that applying the same
    /// set again (a retry after a lost reply) reports the outcome of the commit that already happened.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>Number of items in the set.</summary>
    public int Count => Nodes.Count + Edges.Count + DeletedNodes.Count + DeletedEdges.Count;

    /// <summary>Whether the set holds nothing.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Adds a node to create or update.</summary>
    public ChangeSet Add(NodeRecord node)
    {
        Nodes.Add(node);
        return this;
    }

    /// <summary>Adds a relationship to create or update.</summary>
    public ChangeSet Add(EdgeRecord edge)
    {
        Edges.Add(edge);
        return this;
    }
}
