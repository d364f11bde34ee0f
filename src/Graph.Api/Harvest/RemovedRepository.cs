using Graph.Ingest.Harvest;

namespace Graph.Api.Harvest;

/// <summary>The result of removeRepository: the slug and what the removal did.</summary>
internal sealed record RemovedRepository(string Slug, RepositoryRemoval Removal);
