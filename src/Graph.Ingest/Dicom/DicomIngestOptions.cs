using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Dicom;

/// <summary>What a folder ingest reads, where it writes, and how it de-identifies.</summary>
public sealed class DicomIngestOptions
{
    /// <summary>The folder to walk, recursively.</summary>
    public required string Folder { get; init; }

    /// <summary>The slug of the repository that hosts the dataset; created if missing.</summary>
    public required string Repository { get; init; }

    /// <summary>The slug of the dataset that includes the patients; created if missing.</summary>
    public required string Dataset { get; init; }

    /// <summary>The key that pseudonymises patient ids and remaps UIDs; needed unless ids pass through and UIDs are kept.</summary>
    public DeidentificationKey? Key { get; init; }

    /// <summary>Whether the repository's patient ids are pseudonyms already and pass through, once checked.</summary>
    public bool PassThroughIds { get; init; }

    /// <summary>Whether Study and Series Instance UIDs are replaced by keyed 2.25 UIDs.</summary>
    public bool RemapUids { get; init; }

    /// <summary>Whether descriptions are kept when clean (Clean Descriptors Option); otherwise they are dropped.</summary>
    public bool RetainCleanDescriptions { get; init; } = true;

    /// <summary>Whole studies written per ChangeSet.</summary>
    public int BatchStudies { get; init; } = 100;

    /// <summary>Files read at the same time.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The source recorded with each ChangeSet.</summary>
    public string Source { get; init; } = "ingest-dicom";
}
