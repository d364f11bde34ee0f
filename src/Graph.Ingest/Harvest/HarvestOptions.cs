using Graph.Ingest.Studies;

namespace Graph.Ingest.Harvest;

/// <summary>What one harvest run reads, where it writes, how it de-identifies and how hard it tries.</summary>
/// <remarks>The repository must be registered: its DICOMweb base URL comes from its Repository node. By default 20 studies
/// are written per ChangeSet, 4 are read at once, and ChangeSets are recorded as from "harvest-dicomweb".</remarks>
public sealed class HarvestOptions() : StudyIngestOptions(batchStudies: 20, parallelism: 4, source: "harvest-dicomweb")
{
    /// <summary>The data folder; the checkpoint is DataDirectory/harvest/REPOSITORY.json.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Whether to read and write every study, ignoring the fingerprints of the checkpoint.</summary>
    public bool Full { get; init; }

    /// <summary>How to authenticate to the repository.</summary>
    public DicomWebCredentials Credentials { get; init; } = DicomWebCredentials.None;

    /// <summary>Studies asked for per QIDO-RS page (<c>limit</c>).</summary>
    public int PageSize { get; init; } = 100;

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
}
