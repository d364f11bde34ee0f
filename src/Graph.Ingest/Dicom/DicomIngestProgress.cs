namespace Graph.Ingest.Dicom;

/// <summary>How far a folder ingest has come; reported a few times a second and at the end of each phase.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="FilesRead">Files read so far, rejected ones included.</param>
/// <param name="FilesTotal">Files in the folder.</param>
/// <param name="Rejected">Files rejected so far.</param>
/// <param name="Series">Distinct series found so far.</param>
/// <param name="StudiesWritten">Studies written so far.</param>
/// <param name="StudiesTotal">Studies to write (known once reading is done).</param>
/// <param name="Elapsed">Time since the ingest started.</param>
public sealed record DicomIngestProgress(
    DicomIngestPhase Phase, int FilesRead, int FilesTotal, int Rejected, int Series, int StudiesWritten, int StudiesTotal, TimeSpan Elapsed);
