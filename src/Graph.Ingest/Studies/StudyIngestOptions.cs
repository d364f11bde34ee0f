using Graph.Domain;
using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Studies;

/// <summary>What every ingest of DICOM studies takes, whatever the source (a folder of files, a DICOMweb repository): where
/// the studies go, how they are de-identified, and how many are read and written at once.</summary>
/// <remarks>Both sources de-identify through the same settings, so a study gets the same pseudonyms and UIDs from either.</remarks>
public abstract class StudyIngestOptions
{
    /// <summary>Sets the defaults of a source.</summary>
    protected StudyIngestOptions(int batchStudies, int parallelism, string source)
    {
        BatchStudies = batchStudies;
        Parallelism = parallelism;
        Source = source;
    }

    /// <summary>The slug of the repository the studies come from.</summary>
    public required string Repository { get; init; }

    /// <summary>The slug of the dataset that includes the patients; created, hosted by the repository, if missing.</summary>
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
    public int BatchStudies { get; init; }

    /// <summary>Files or studies read at the same time.</summary>
    public int Parallelism { get; init; }

    /// <summary>The source recorded with each ChangeSet.</summary>
    public string Source { get; init; }

    /// <summary>The de-identifier these settings describe.</summary>
    /// <exception cref="DeidentificationException">A key is needed and none was given.</exception>
    internal DicomDeidentifier Deidentifier() => new(Key, PassThroughIds, RemapUids, RetainCleanDescriptions);

    /// <summary>Refuses a malformed repository or dataset slug.</summary>
    /// <exception cref="ArgumentException">A slug is malformed.</exception>
    internal void CheckSlugs()
    {
        if (KeyRules.Check(GraphModel.Repository, Repository) is { } repositoryError)
            throw new ArgumentException($"Repository: {repositoryError}.", "options");
        if (KeyRules.Check(GraphModel.Dataset, Dataset) is { } datasetError)
            throw new ArgumentException($"Dataset: {datasetError}.", "options");
    }
}
