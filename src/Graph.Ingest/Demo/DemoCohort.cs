namespace Graph.Ingest.Demo;

/// <summary>The patients of a dataset with one cancer type: their share of the dataset and the protocols they are imaged with.</summary>
/// <param name="CancerType">The index of the type in <see cref="DemoCancerTypes.All"/>.</param>
/// <param name="Weight">The relative share of the dataset's patients.</param>
/// <param name="Mix">The protocols of their studies.</param>
internal sealed record DemoCohort(int CancerType, double Weight, StudyMix Mix);
