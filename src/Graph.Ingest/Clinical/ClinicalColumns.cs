using Graph.Ingest.Records;

namespace Graph.Ingest.Clinical;

/// <summary>The columns of a clinical import file (CSV header names or JSON property names, case-insensitive).</summary>
public static class ClinicalColumns
{
    /// <summary>The patient's pseudonym, as the catalogue knows it (required).</summary>
    public const string Pseudonym = "pseudonym";

    /// <summary>The diagnosis number of the patient, 1 when absent: a second primary cancer is diagnosis 2.</summary>
    public const string Diagnosis = "diagnosis";

    /// <summary>The catalogue's cancer type code (breast, lung, ...); inferred from the codes when absent.</summary>
    public const string CancerType = "cancerType";

    /// <summary>The patient's vital status: alive, deceased or unknown.</summary>
    public const string VitalStatus = "vitalStatus";

    /// <summary>The columns that are properties of the Diagnosis node, named as its fields.</summary>
    public static readonly IReadOnlyList<string> DiagnosisFields =
        ["icd10", "icdO3Morphology", "stage", "tnmT", "tnmN", "tnmM", "grade", "er", "pr", "her2", "psa", "gleasonScore", "ki67", "ageAtDiagnosis", "year"];

    /// <summary>Every known column, in the documented order.</summary>
    public static readonly IReadOnlyList<string> All = [Pseudonym, Diagnosis, CancerType, .. DiagnosisFields, VitalStatus];

    /// <summary>The columns as a file is read with them: a CSV header without a pseudonym column refuses the file.</summary>
    public static readonly RecordColumns Import = new(All, [Pseudonym]);
}
