namespace Graph.Ingest.Harvest;

/// <summary>What removing a repository did, or why it did not.</summary>
/// <param name="Found">Whether the repository was registered.</param>
/// <param name="Removed">Whether its node was deleted.</param>
/// <param name="Datasets">The datasets it hosted (left in the catalogue, without a repository, when removed).</param>
/// <param name="HarvestRuns">Its HarvestRun nodes, deleted with it.</param>
public sealed record RepositoryRemoval(bool Found, bool Removed, IReadOnlyList<string> Datasets, int HarvestRuns);
