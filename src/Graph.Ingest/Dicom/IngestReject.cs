namespace Graph.Ingest.Dicom;

/// <summary>A file that did not enter the graph, with why.</summary>
/// <param name="Path">The file's path relative to the ingested folder, with '/' separators.</param>
/// <param name="Kind">The kind of reason.</param>
/// <param name="Reason">What was wrong; never an identifying value.</param>
public sealed record IngestReject(string Path, RejectKind Kind, string Reason);
