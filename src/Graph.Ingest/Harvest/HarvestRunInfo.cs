namespace Graph.Ingest.Harvest;

/// <summary>A HarvestRun node as the registry reads it.</summary>
public sealed record HarvestRunInfo(
    string RunId, string? StartedAt, string? FinishedAt, string? Status, long StudiesSeen, long StudiesWritten, long StudiesWithdrawn, long Errors, string? Message);
