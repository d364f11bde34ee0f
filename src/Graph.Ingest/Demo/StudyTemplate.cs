namespace Graph.Ingest.Demo;

/// <summary>An acquisition protocol: the study descriptions sites give it and the series it acquires.</summary>
/// <param name="Descriptions">Study descriptions as different sites write them.</param>
/// <param name="Series">The series in acquisition order.</param>
internal sealed record StudyTemplate(string[] Descriptions, SeriesTemplate[] Series);
