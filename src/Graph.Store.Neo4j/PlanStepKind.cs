namespace Graph.Store.Neo4j;

/// <summary>What a step of a ChangeSet plan does, which says how its result is counted.</summary>
internal enum PlanStepKind
{
    /// <summary>Merges nodes; counts changed nodes.</summary>
    UpsertNodes,

    /// <summary>Merges relationships between live nodes; fails when an end node is missing.</summary>
    UpsertEdges,

    /// <summary>Tombstones relationships; counts them.</summary>
    DeleteEdges,

    /// <summary>Tombstones the relationships of nodes about to be deleted; counts them.</summary>
    DeleteNodeEdges,

    /// <summary>Tombstones nodes; counts them.</summary>
    DeleteNodes,
}
