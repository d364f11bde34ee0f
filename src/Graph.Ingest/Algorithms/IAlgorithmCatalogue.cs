namespace Graph.Ingest.Algorithms;

/// <summary>What registering an algorithm needs to know of the catalogue: its datasets, cancer types and algorithms' links.</summary>
public interface IAlgorithmCatalogue
{
    /// <summary>Whether a dataset with the slug exists.</summary>
    bool HasDataset(string slug);

    /// <summary>Whether a cancer type with the code exists.</summary>
    bool HasCancerType(string code);

    /// <summary>Whether an algorithm with the slug exists.</summary>
    bool HasAlgorithm(string slug);

    /// <summary>The datasets a stored algorithm is TRAINED_ON.</summary>
    IReadOnlyCollection<string> TrainedOn(string algorithm);

    /// <summary>The cancer types a stored algorithm TARGETS.</summary>
    IReadOnlyCollection<string> Targets(string algorithm);
}
