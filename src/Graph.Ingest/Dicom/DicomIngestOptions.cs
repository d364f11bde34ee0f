using Graph.Ingest.Studies;

namespace Graph.Ingest.Dicom;

/// <summary>What a folder ingest reads, where it writes, and how it de-identifies.</summary>
/// <remarks>The repository and the dataset are created if missing. By default 100 studies are written per ChangeSet, as
/// many files are read at once as there are processors, and ChangeSets are recorded as from "ingest-dicom".</remarks>
public sealed class DicomIngestOptions() : StudyIngestOptions(batchStudies: 100, parallelism: Environment.ProcessorCount, source: "ingest-dicom")
{
    /// <summary>The folder to walk, recursively.</summary>
    public required string Folder { get; init; }
}
