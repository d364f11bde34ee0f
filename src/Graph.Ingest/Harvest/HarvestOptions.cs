using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Harvest;

/// <summary>What one harvest run reads, where it writes, how it de-identifies and how hard it tries.</summary>
public sealed class HarvestOptions
{
    /// <summary>The slug of the registered repository to harvest; its DICOMweb base URL comes from its Repository node.</summary>
    public required string Repository { get; init; }

    /// <summary>The slug of the dataset the harvested patients belong to; created, hosted by the repository, if missing.</summary>
    public required string Dataset { get; init; }

    /// <summary>The data folder; the checkpoint is DataDirectory/harvest/REPOSITORY.json.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Whether to read and write every study, ignoring the fingerprints of the checkpoint.</summary>
    public bool Full { get; init; }

    /// <summary>How to authenticate to the repository.</summary>
    public DicomWebCredentials Credentials { get; init; } = DicomWebCredentials.None;

    /// <summary>The key that pseudonymises patient ids and remaps UIDs; needed unless ids pass through and UIDs are kept.</summary>
    public DeidentificationKey? Key { get; init; }

    /// <summary>Whether the repository's patient ids are pseudonyms already and pass through, once checked.</summary>
    public bool PassThroughIds { get; init; }

    /// <summary>Whether Study and Series Instance UIDs are replaced by keyed 2.25 UIDs.</summary>
    public bool RemapUids { get; init; }

    /// <summary>Whether descriptions are kept when clean (Clean Descriptors Option); otherwise they are dropped.</summary>
    public bool RetainCleanDescriptions { get; init; } = true;

    /// <summary>Studies asked for per QIDO-RS page (<c>limit</c>).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Whole studies written per ChangeSet.</summary>
    public int BatchStudies { get; init; } = 20;

    /// <summary>Studies read from the repository at the same time.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>How long one HTTP request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per request when it fails transiently (5xx, 408, 429, timeout, connection refused).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The delay before the first retry; it doubles with each retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between two attempts, Retry-After included.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often, at most, the checkpoint is saved while studies are written (always at the end).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The source recorded with each ChangeSet.</summary>
    public string Source { get; init; } = "harvest-dicomweb";
}
