namespace Graph.Ingest.Harvest;

/// <summary>Settings of the service's scheduled harvester (configuration section "Graph:Harvest").</summary>
/// <remarks>
/// A repository is harvested on schedule only when it is registered in the graph and its settings under
/// Repositories:SLUG say Enabled with a Dataset. Checkpoints go to DATA/harvest/SLUG.json; the de-identification
/// settings are those of "Graph:Deidentification", as for DICOM file ingest.
/// </remarks>
public sealed class HarvestSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph:Harvest";

    /// <summary>How often the scheduler looks for repositories whose interval has passed, in seconds.</summary>
    public double CheckSeconds { get; set; } = 30;

    /// <summary>How long one HTTP request may take, in seconds.</summary>
    public double RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts per request when it fails transiently.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The delay before the first retry, in milliseconds; it doubles with each retry.</summary>
    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>Consecutive failed requests after which a repository is left alone for the cool-down.</summary>
    public int CircuitFailures { get; set; } = 5;

    /// <summary>How long a failing repository is left alone, in minutes.</summary>
    public double CircuitCoolDownMinutes { get; set; } = 10;

    /// <summary>Studies per QIDO-RS page.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Studies read at the same time, per repository.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>Whole studies per ChangeSet.</summary>
    public int BatchStudies { get; set; } = 20;

    /// <summary>The repositories' settings, by slug.</summary>
    public IDictionary<string, RepositoryHarvestSettings> Repositories { get; } = new Dictionary<string, RepositoryHarvestSettings>(StringComparer.Ordinal);
}
