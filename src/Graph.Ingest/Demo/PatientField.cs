namespace Graph.Ingest.Demo;

/// <summary>The Patient fields the demo catalogue sets.</summary>
internal enum PatientField
{
    Sex,
    AgeAtDiagnosis,
    VitalStatus,
}
