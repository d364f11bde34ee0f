using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Harvest;

/// <summary>Reads the store once, keeping only repositories, the datasets they host and their harvest runs.</summary>
internal sealed class RepositoryScan : IChangeSink
{
    private readonly Dictionary<string, NodeRecord> _repositories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeRecord> _runs = new(StringComparer.Ordinal);
    private readonly List<(string Repository, string Dataset)> _hosts = [];
    private readonly List<(string Repository, string Run)> _harvested = [];

    /// <summary>The repositories found, in slug order.</summary>
    public IReadOnlyList<RepositoryInfo> Repositories()
    {
        var datasets = _hosts.ToLookup(h => h.Repository, h => h.Dataset, StringComparer.Ordinal);
        var runs = _harvested.Where(h => _runs.ContainsKey(h.Run)).ToLookup(h => h.Repository, h => Run(_runs[h.Run]), StringComparer.Ordinal);
        return _repositories.Values
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new RepositoryInfo
            {
                Slug = r.Key,
                Name = r["name"] as string,
                Kind = r["kind"] as string,
                BaseUrl = r["baseUrl"] as string,
                Country = r["country"] as string,
                Institution = r["institution"] as string,
                Contact = r["contact"] as string,
                Datasets = datasets[r.Key].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                HarvestRuns = runs[r.Key].OrderByDescending(run => run.StartedAt, StringComparer.Ordinal).ToArray(),
            })
            .ToArray();
    }

    void IChangeSink.Node(StoredNode node)
    {
        if (node.Deleted)
            return;
        if (node.Node.Label == GraphModel.Repository.Label)
            _repositories[node.Node.Key] = node.Node;
        else if (node.Node.Label == HarvestRunRecords.Label)
            _runs[node.Node.Key] = node.Node;
    }

    void IChangeSink.Edge(StoredEdge edge)
    {
        if (edge.Deleted || edge.Edge.From.Label != GraphModel.Repository.Label)
            return;
        if (edge.Edge.Type == "HOSTS")
            _hosts.Add((edge.Edge.From.Key, edge.Edge.To.Key));
        else if (edge.Edge.Type == HarvestRunRecords.Relation)
            _harvested.Add((edge.Edge.From.Key, edge.Edge.To.Key));
    }

    private static HarvestRunInfo Run(NodeRecord run) => new(
        run.Key,
        run["startedAt"] as string,
        run["finishedAt"] as string,
        run["status"] as string,
        run["studiesSeen"] as long? ?? 0,
        run["studiesWritten"] as long? ?? 0,
        run["studiesWithdrawn"] as long? ?? 0,
        run["errors"] as long? ?? 0,
        run["message"] as string);
}
