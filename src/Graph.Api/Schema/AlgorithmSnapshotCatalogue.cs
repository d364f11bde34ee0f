using Graph.Catalog;
using Graph.Domain;
using Graph.Ingest.Algorithms;

namespace Graph.Api.Schema;

/// <summary>The algorithm registry's view of the catalogue, read from an index snapshot.</summary>
internal sealed class AlgorithmSnapshotCatalogue(CatalogSnapshot snapshot) : IAlgorithmCatalogue
{
    private static readonly RelationField TrainingDatasets = RelationField.Find(GraphModel.Algorithm, "trainingDatasets")!;
    private static readonly RelationField CancerTypes = RelationField.Find(GraphModel.Algorithm, "cancerTypes")!;

    public bool HasDataset(string slug) => snapshot.Find(GraphModel.Dataset, slug) is not null;

    public bool HasCancerType(string code) => snapshot.Find(GraphModel.CancerType, code) is not null;

    public bool HasAlgorithm(string slug) => snapshot.Find(GraphModel.Algorithm, slug) is not null;

    public IReadOnlyCollection<string> TrainedOn(string algorithm) => Keys(TrainingDatasets, algorithm);

    public IReadOnlyCollection<string> Targets(string algorithm) => Keys(CancerTypes, algorithm);

    private List<string> Keys(RelationField field, string algorithm)
    {
        if (snapshot.Find(GraphModel.Algorithm, algorithm) is not { } node)
            return [];
        return snapshot.Related(node, field).Select(n => n.Key).ToList();
    }
}
