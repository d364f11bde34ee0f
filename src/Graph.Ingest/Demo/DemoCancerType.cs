namespace Graph.Ingest.Demo;

/// <summary>One of the nine cancer types of the demo catalogue, with the demographics of its patients.</summary>
/// <param name="Code">The CancerType key.</param>
/// <param name="Name">Display name.</param>
/// <param name="Icd10">ICD-10 code of the type, where the type is defined by topography.</param>
/// <param name="Morphology">ICD-O-3 morphology code, where the type is defined by morphology.</param>
/// <param name="Description">What the type covers.</param>
/// <param name="FemaleShare">The share of female patients.</param>
/// <param name="AgeMean">Mean age at diagnosis of adult patients.</param>
/// <param name="AgeDeviation">Standard deviation of the age at diagnosis.</param>
/// <param name="AgeMin">Youngest age at diagnosis.</param>
/// <param name="AgeMax">Oldest age at diagnosis.</param>
/// <param name="DeceasedShare">The share of patients known to have died.</param>
internal sealed record DemoCancerType(
    string Code,
    string Name,
    string? Icd10,
    string? Morphology,
    string Description,
    double FemaleShare,
    double AgeMean,
    double AgeDeviation,
    int AgeMin,
    int AgeMax,
    double DeceasedShare);
