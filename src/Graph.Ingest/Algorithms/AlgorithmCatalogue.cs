using Graph.Catalog;
using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Algorithms;

/// <summary>The algorithm registry's view of the catalogue, over a snapshot: the service's current one, or the part of a store
/// the command line reads.</summary>
/// <param name="snapshot">The snapshot to look in.</param>
public sealed class AlgorithmCatalogue(CatalogSnapshot snapshot) : IAlgorithmCatalogue
{
    private static readonly RelationField TrainingDatasets = RelationField.Find(GraphModel.Algorithm, "trainingDatasets")!;
    private static readonly RelationField CancerTypes = RelationField.Find(GraphModel.Algorithm, "cancerTypes")!;

    /// <summary>Reads the datasets, cancer types and algorithms of a store with the algorithms' links.</summary>
    public static async Task<AlgorithmCatalogue> ReadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        var scope = new ReadScope(["Dataset", "CancerType", "Algorithm"], ["TRAINED_ON", "TARGETS"]);
        return new AlgorithmCatalogue(await CatalogSnapshot.ReadAsync(store, scope, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public bool HasDataset(string slug) => snapshot.Find(GraphModel.Dataset, slug) is not null;

    /// <inheritdoc />
    public bool HasCancerType(string code) => snapshot.Find(GraphModel.CancerType, code) is not null;

    /// <inheritdoc />
    public bool HasAlgorithm(string slug) => snapshot.Find(GraphModel.Algorithm, slug) is not null;

    /// <inheritdoc />
    public IReadOnlyCollection<string> TrainedOn(string algorithm) => Keys(TrainingDatasets, algorithm);

    /// <inheritdoc />
    public IReadOnlyCollection<string> Targets(string algorithm) => Keys(CancerTypes, algorithm);

    private List<string> Keys(RelationField field, string algorithm) =>
        snapshot.Find(GraphModel.Algorithm, algorithm) is { } node ? node.Related(field).Select(n => n.Key).ToList() : [];
}
