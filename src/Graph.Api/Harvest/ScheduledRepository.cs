using Graph.Ingest.Harvest;

namespace Graph.Api.Harvest;

/// <summary>The scheduler's state of one repository: its circuit, when it is due, and its last run.</summary>
internal sealed class ScheduledRepository(RepositoryCircuit circuit)
{
    /// <summary>The repository's circuit, kept across runs.</summary>
    public RepositoryCircuit Circuit { get; } = circuit;

    /// <summary>When the next run may start.</summary>
    public DateTimeOffset NextRun { get; set; } = DateTimeOffset.MinValue;

    /// <summary>What the last run did, or null before the first.</summary>
    public HarvestSummary? LastRun { get; set; }

    /// <summary>Why the last attempt could not run at all, or null.</summary>
    public string? LastProblem { get; set; }
}
