using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Studies;

/// <summary>Makes sure the repository and the dataset exist, the dataset hosted by the repository, without touching existing ones.</summary>
internal sealed class CatalogueHome(string repository, string dataset) : IChangeSink
{
    private bool _repositoryExists;
    private bool _datasetExists;
    private string? _host;

    /// <summary>Creates what is missing: a repository named by its slug, a dataset titled by its slug, and the HOSTS relationship.</summary>
    /// <exception cref="ArgumentException">The dataset exists and another repository hosts it.</exception>
    public static async Task<CommitResult> EnsureAsync(
        IGraphStore store, GraphWriter writer, string repository, string dataset, string source, CancellationToken cancellationToken)
    {
        // The store has no lookup by key: stream it once, keeping only what concerns the two nodes.
        var home = new CatalogueHome(repository, dataset);
        await store.ReadAllAsync(home, new ReadScope(["Repository", "Dataset"], ["HOSTS"]), cancellationToken).ConfigureAwait(false);
        if (home._host is { } host && host != repository)
            throw new ArgumentException($"Dataset '{dataset}' is hosted by repository '{host}', not '{repository}'.", nameof(dataset));

        var changes = new ChangeSet { Source = source };
        if (!home._repositoryExists)
            changes.Add(NodeRecord.Of(GraphModel.Repository, repository, ("name", repository), ("kind", "Files")));
        if (!home._datasetExists)
            changes.Add(NodeRecord.Of(GraphModel.Dataset, dataset, ("title", dataset)));
        changes.Add(EdgeRecord.Of("HOSTS", new NodeRef(GraphModel.Repository.Label, repository), new NodeRef(GraphModel.Dataset.Label, dataset)));
        return await writer.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
    }

    void IChangeSink.Node(StoredNode node)
    {
        if (node.Deleted)
            return;
        if (node.Node.Label == GraphModel.Repository.Label && node.Node.Key == repository)
            _repositoryExists = true;
        else if (node.Node.Label == GraphModel.Dataset.Label && node.Node.Key == dataset)
            _datasetExists = true;
    }

    void IChangeSink.Edge(StoredEdge edge)
    {
        if (!edge.Deleted && edge.Edge.Type == "HOSTS" && edge.Edge.To.Key == dataset && edge.Edge.To.Label == GraphModel.Dataset.Label)
            _host ??= edge.Edge.From.Key;
    }
}
