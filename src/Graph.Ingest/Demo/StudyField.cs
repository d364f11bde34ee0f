namespace Graph.Ingest.Demo;

/// <summary>The Study fields the demo catalogue sets.</summary>
internal enum StudyField
{
    Description,
    Year,
    PatientAge,
    ModalitiesInStudy,
}
