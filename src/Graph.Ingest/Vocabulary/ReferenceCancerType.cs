namespace Graph.Ingest.Vocabulary;

/// <summary>A cancer type of the federation as the catalogue records it.</summary>
/// <param name="Code">The CancerType key.</param>
/// <param name="Name">Display name.</param>
/// <param name="Icd10">ICD-10 code of the type, where the type is defined by topography.</param>
/// <param name="Morphology">ICD-O-3 morphology code, where the type is defined by morphology.</param>
/// <param name="Description">What the type covers.</param>
internal sealed record ReferenceCancerType(string Code, string Name, string? Icd10, string? Morphology, string Description);
