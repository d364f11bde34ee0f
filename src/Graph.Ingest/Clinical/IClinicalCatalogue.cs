namespace Graph.Ingest.Clinical;

/// <summary>What the clinical import needs to know of the catalogue: its patients, cancer types, concepts and the codings already linked.</summary>
public interface IClinicalCatalogue
{
    /// <summary>Whether a patient with the pseudonym exists.</summary>
    bool HasPatient(string pseudonym);

    /// <summary>Whether a cancer type with the code exists.</summary>
    bool HasCancerType(string code);

    /// <summary>The cancer type whose ICD-O-3 morphology equals the morphology, else whose ICD-10 code is the category of the ICD-10 code; null when none.</summary>
    string? InferCancerType(string? icd10, string? morphology);

    /// <summary>The curie of the Concept with the code in a system ("ICD10" or "ICDO3", compared without punctuation), or null.</summary>
    string? Concept(string system, string code);

    /// <summary>The cancer type a stored diagnosis is OF_TYPE, or null.</summary>
    string? CancerTypeOf(string diagnosis);

    /// <summary>The curies of the concepts of a system a stored diagnosis is CODED_AS.</summary>
    IReadOnlyCollection<string> CodingsOf(string diagnosis, string system);
}
