using Graph.Ingest.Vocabulary;

namespace Graph.Ingest.Demo;

/// <summary>One of the nine cancer types of the demo catalogue, with the demographics of its patients.</summary>
/// <param name="Type">The cancer type as the catalogue records it.</param>
/// <param name="FemaleShare">The share of female patients.</param>
/// <param name="AgeMean">Mean age at diagnosis of adult patients.</param>
/// <param name="AgeDeviation">Standard deviation of the age at diagnosis.</param>
/// <param name="AgeMin">Youngest age at diagnosis.</param>
/// <param name="AgeMax">Oldest age at diagnosis.</param>
/// <param name="DeceasedShare">The share of patients known to have died.</param>
internal sealed record DemoCancerType(
    ReferenceCancerType Type,
    double FemaleShare,
    double AgeMean,
    double AgeDeviation,
    int AgeMin,
    int AgeMax,
    double DeceasedShare)
{
    /// <summary>The CancerType key.</summary>
    public string Code => Type.Code;

    /// <summary>Display name.</summary>
    public string Name => Type.Name;
}
