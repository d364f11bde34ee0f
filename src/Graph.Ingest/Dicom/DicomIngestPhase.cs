namespace Graph.Ingest.Dicom;

/// <summary>The phase a folder ingest is in.</summary>
public enum DicomIngestPhase
{
    /// <summary>Reading and de-identifying the headers of the folder's files.</summary>
    Reading,

    /// <summary>Writing whole studies through the writer.</summary>
    Writing,
}
