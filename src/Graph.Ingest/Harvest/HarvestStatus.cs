namespace Graph.Ingest.Harvest;

/// <summary>How a harvest run ended, as the HarvestRun node's status records it.</summary>
public enum HarvestStatus
{
    /// <summary>The run has started and not finished (or its process died).</summary>
    Running,

    /// <summary>Every listed study was harvested or found unchanged.</summary>
    Succeeded,

    /// <summary>The listing was read whole, but some studies could not be harvested.</summary>
    Partial,

    /// <summary>The run stopped: the repository could not be listed, refused the credentials, or stopped answering.</summary>
    Failed,
}
