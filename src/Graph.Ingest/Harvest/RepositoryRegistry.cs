using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Harvest;

/// <summary>The federation's repositories as Repository nodes: register, list and remove them.</summary>
/// <remarks>
/// The graph holds what the catalogue shows of a repository (name, DICOMweb base URL, country, institution, contact);
/// harvest settings and credentials live in configuration (Graph:Harvest:Repositories:SLUG), never in the graph.
/// </remarks>
public static class RepositoryRegistry
{
    /// <summary>Every registered repository, with its datasets and harvest runs, in slug order.</summary>
    public static async Task<IReadOnlyList<RepositoryInfo>> ListAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var scan = new RepositoryScan();
        await store.ReadAllAsync(scan, new ReadScope([GraphModel.Repository.Label, HarvestRunRecords.Label], ["HOSTS", HarvestRunRecords.Relation]), cancellationToken).ConfigureAwait(false);
        return scan.Repositories();
    }

    /// <summary>A registered repository, or null.</summary>
    public static async Task<RepositoryInfo?> FindAsync(IGraphStore store, string slug, CancellationToken cancellationToken) =>
        (await ListAsync(store, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Slug == slug);

    /// <summary>Registers a repository, or updates the one with the slug (values not given are kept).</summary>
    /// <exception cref="ArgumentException">The registration is not acceptable; the message lists every reason.</exception>
    /// <exception cref="GraphStoreException">The store failed.</exception>
    public static async Task<RepositoryAddResult> AddAsync(IGraphStore store, GraphWriter writer, RepositoryRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(registration);
        var errors = registration.Validate();
        if (errors.Count > 0)
            throw new ArgumentException(string.Join(" ", errors), nameof(registration));
        var existed = await FindAsync(store, registration.Slug, cancellationToken).ConfigureAwait(false) is not null;
        var result = await writer.WriteAsync(new ChangeSet { Source = "repository-add" }.Add(registration.ToRecord()), cancellationToken).ConfigureAwait(false);
        return !existed ? RepositoryAddResult.Created : result.Changed ? RepositoryAddResult.Updated : RepositoryAddResult.Unchanged;
    }

    /// <summary>Deletes a repository's node with its relationships and its HarvestRun nodes, and its harvest checkpoint.</summary>
    /// <remarks>
    /// A repository that hosts datasets is only removed when forced; the datasets, their patients, studies and series
    /// then stay in the catalogue without a repository. Nothing is deleted when it is not forced.
    /// </remarks>
    /// <param name="store">The store to read.</param>
    /// <param name="writer">The writer to delete through.</param>
    /// <param name="slug">The repository's slug.</param>
    /// <param name="force">Whether to remove it even though it hosts datasets.</param>
    /// <param name="dataDirectory">The data folder whose harvest checkpoint of the repository is deleted too, if given.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    public static async Task<RepositoryRemoval> RemoveAsync(
        IGraphStore store, GraphWriter writer, string slug, bool force, string? dataDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var repository = await FindAsync(store, slug, cancellationToken).ConfigureAwait(false);
        if (repository is null)
            return new RepositoryRemoval(false, false, [], 0);
        if (repository.Datasets.Count > 0 && !force)
            return new RepositoryRemoval(true, false, repository.Datasets, repository.HarvestRuns.Count);

        var changes = new ChangeSet { Source = "repository-remove" };
        changes.DeletedNodes.Add(new NodeRef(GraphModel.Repository.Label, slug));
        foreach (var run in repository.HarvestRuns)
            changes.DeletedNodes.Add(new NodeRef(HarvestRunRecords.Label, run.RunId));
        await writer.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        if (dataDirectory is not null && File.Exists(HarvestCheckpoint.PathFor(dataDirectory, slug)))
            File.Delete(HarvestCheckpoint.PathFor(dataDirectory, slug));
        return new RepositoryRemoval(true, true, repository.Datasets, repository.HarvestRuns.Count);
    }
}
