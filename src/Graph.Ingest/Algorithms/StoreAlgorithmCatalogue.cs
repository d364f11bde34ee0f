using Graph.Store;

namespace Graph.Ingest.Algorithms;

/// <summary>The algorithm registry's view of the catalogue, read from the store in one pass.</summary>
public sealed class StoreAlgorithmCatalogue : IAlgorithmCatalogue, IChangeSink
{
    private readonly HashSet<string> _datasets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cancerTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _algorithms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _trainedOn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _targets = new(StringComparer.Ordinal);

    private StoreAlgorithmCatalogue()
    {
    }

    /// <summary>Reads the datasets, cancer types and algorithms of a store.</summary>
    public static async Task<StoreAlgorithmCatalogue> LoadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var catalogue = new StoreAlgorithmCatalogue();
        await store.ReadAllAsync(catalogue, new ReadScope(["Dataset", "CancerType", "Algorithm"], ["TRAINED_ON", "TARGETS"]), cancellationToken).ConfigureAwait(false);
        return catalogue;
    }

    /// <inheritdoc />
    public bool HasDataset(string slug) => _datasets.Contains(slug);

    /// <inheritdoc />
    public bool HasCancerType(string code) => _cancerTypes.Contains(code);

    /// <inheritdoc />
    public bool HasAlgorithm(string slug) => _algorithms.Contains(slug);

    /// <inheritdoc />
    public IReadOnlyCollection<string> TrainedOn(string algorithm) => _trainedOn.GetValueOrDefault(algorithm) ?? [];

    /// <inheritdoc />
    public IReadOnlyCollection<string> Targets(string algorithm) => _targets.GetValueOrDefault(algorithm) ?? [];

    /// <summary>Records a registration written during an import, so later records see it.</summary>
    public void Registered(AlgorithmRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        _algorithms.Add(registration.Slug);
        if (registration.TrainedOn is { } datasets)
            _trainedOn[registration.Slug] = datasets.Distinct().ToList();
        if (registration.Targets is { } types)
            _targets[registration.Slug] = types.Distinct().ToList();
    }

    void IChangeSink.Node(StoredNode node)
    {
        if (node.Deleted)
            return;
        var set = node.Node.Label switch
        {
            "Dataset" => _datasets,
            "CancerType" => _cancerTypes,
            "Algorithm" => _algorithms,
            _ => null,
        };
        set?.Add(node.Node.Key);
    }

    void IChangeSink.Edge(StoredEdge edge)
    {
        if (edge.Deleted || edge.Edge.From.Label != "Algorithm")
            return;
        var links = edge.Edge.Type switch
        {
            "TRAINED_ON" => _trainedOn,
            "TARGETS" => _targets,
            _ => null,
        };
        if (links is not null)
            (links.TryGetValue(edge.Edge.From.Key, out var list) ? list : links[edge.Edge.From.Key] = []).Add(edge.Edge.To.Key);
    }
}
