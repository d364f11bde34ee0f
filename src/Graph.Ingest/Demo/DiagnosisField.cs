namespace Graph.Ingest.Demo;

/// <summary>The Diagnosis fields the demo catalogue sets.</summary>
internal enum DiagnosisField
{
    Icd10,
    IcdO3Morphology,
    Stage,
    TnmT,
    TnmN,
    TnmM,
    Grade,
    Er,
    Pr,
    Her2,
    Psa,
    GleasonScore,
    Ki67,
    AgeAtDiagnosis,
    Year,
}
