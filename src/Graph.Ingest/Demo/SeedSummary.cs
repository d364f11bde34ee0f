namespace Graph.Ingest.Demo;

/// <summary>What seeding the demo catalogue wrote.</summary>
/// <param name="Batches">ChangeSets written.</param>
/// <param name="BatchesChanged">ChangeSets that changed the graph; 0 when the catalogue was already there.</param>
/// <param name="Counts">Nodes written by kind.</param>
/// <param name="NodesChanged">Nodes created or updated.</param>
/// <param name="EdgesChanged">Relationships created or updated.</param>
/// <param name="Sequence">The store's change sequence after the last ChangeSet.</param>
/// <param name="Elapsed">Time taken.</param>
public sealed record SeedSummary(int Batches, int BatchesChanged, CatalogueCounts Counts, long NodesChanged, long EdgesChanged, long Sequence, TimeSpan Elapsed)
{
    /// <summary>Whether seeding changed the graph.</summary>
    public bool Changed => BatchesChanged > 0;
}
