using Graph.Domain;

namespace Graph.Store;

/// <summary>A node as stored: its whole property set, the sequence of its last change, and whether it was deleted.</summary>
public sealed record StoredNode(NodeRecord Node, long Sequence, bool Deleted);

/// <summary>A relationship as stored: its whole property set, the sequence of its last change, and whether it was deleted.</summary>
public sealed record StoredEdge(EdgeRecord Edge, long Sequence, bool Deleted);

/// <summary>The outcome of applying a ChangeSet.</summary>
/// <param name="Sequence">The change sequence after the commit (unchanged when nothing changed).</param>
/// <param name="NodesChanged">Nodes created, updated or deleted.</param>
/// <param name="EdgesChanged">Relationships created, updated or deleted.</param>
public sealed record CommitResult(long Sequence, int NodesChanged, int EdgesChanged)
{
    /// <summary>Whether the commit changed anything.</summary>
    public bool Changed => NodesChanged + EdgesChanged > 0;

    /// <summary>Whether the set had already been committed (by an attempt whose reply was lost); the counts are that commit's.</summary>
    public bool Replayed { get; init; }
}

/// <summary>Counts of live nodes per label and relationships per type, with the change sequence.</summary>
public sealed record StoreStatistics(long Sequence, IReadOnlyDictionary<string, long> Nodes, IReadOnlyDictionary<string, long> Relationships);

/// <summary>The outcome of erasing tombstones.</summary>
/// <param name="PurgedThrough">The change sequence up to which tombstones are erased; the change feed is complete after it only.</param>
/// <param name="Nodes">Node tombstones erased by this call.</param>
/// <param name="Edges">Relationship tombstones erased by this call.</param>
public sealed record PurgeResult(long PurgedThrough, long Nodes, long Edges);
