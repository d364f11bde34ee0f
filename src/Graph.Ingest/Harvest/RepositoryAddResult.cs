namespace Graph.Ingest.Harvest;

/// <summary>What registering a repository did.</summary>
public enum RepositoryAddResult
{
    /// <summary>A new Repository node was written.</summary>
    Created,

    /// <summary>The existing Repository node was updated.</summary>
    Updated,

    /// <summary>The existing node had every value already.</summary>
    Unchanged,
}
