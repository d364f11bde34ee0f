using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Harvest;

/// <summary>What a harvest run did, as its HarvestRun node records it, with the store's counts.</summary>
public sealed record HarvestSummary
{
    /// <summary>The run's id (repository slug and start time).</summary>
    public required string RunId { get; init; }

    /// <summary>The repository's slug.</summary>
    public required string Repository { get; init; }

    /// <summary>The dataset's slug.</summary>
    public required string Dataset { get; init; }

    /// <summary>How the run ended.</summary>
    public required HarvestStatus Status { get; init; }

    /// <summary>Distinct studies the repository listed.</summary>
    public int StudiesSeen { get; init; }

    /// <summary>Listed studies whose fingerprint matched the checkpoint, so nothing more was read.</summary>
    public int StudiesUnchanged { get; init; }

    /// <summary>Studies new or changed, read whole and written.</summary>
    public int StudiesWritten { get; init; }

    /// <summary>Series of the written studies.</summary>
    public int SeriesWritten { get; init; }

    /// <summary>Annotations (segmentations, RT structure sets) of the written studies.</summary>
    public int AnnotationsWritten { get; init; }

    /// <summary>Studies no longer listed, marked withdrawn.</summary>
    public int StudiesWithdrawn { get; init; }

    /// <summary>Studies written although something was missing (PatientID, Modality, a value out of range), by what was missing.</summary>
    public IReadOnlyDictionary<InstanceWarnings, int> Warnings { get; init; } = new Dictionary<InstanceWarnings, int>();

    /// <summary>Studies written with at least one warning.</summary>
    public int StudiesWithWarnings { get; init; }

    /// <summary>Studies that could not be harvested.</summary>
    public int Errors { get; init; }

    /// <summary>Why the run failed, or the first study error; never credentials nor patient identifiers.</summary>
    public string? Message { get; init; }

    /// <summary>Nodes changed in the store.</summary>
    public long NodesChanged { get; init; }

    /// <summary>Relationships changed in the store.</summary>
    public long EdgesChanged { get; init; }

    /// <summary>The store's change sequence at the end.</summary>
    public long Sequence { get; init; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; init; }
}
