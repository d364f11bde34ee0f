using System.Globalization;
using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Harvest;

/// <summary>The HarvestRun node of a run and its HARVESTED relationship from the repository.</summary>
internal static class HarvestRunRecords
{
    /// <summary>The node label.</summary>
    public const string Label = "HarvestRun";

    /// <summary>The relationship type, from the Repository to the HarvestRun.</summary>
    public const string Relation = "HARVESTED";

    private const int MaxMessage = 4000;

    /// <summary>A run's id: the repository's slug and the start time to the millisecond.</summary>
    public static string NewRunId(string repository, DateTimeOffset startedAt) =>
        repository + "-" + startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time as the node stores it (UTC, ISO 8601).</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The run node in state running, with its relationship from the repository.</summary>
    public static ChangeSet Started(string repository, string runId, DateTimeOffset startedAt, string source) =>
        new ChangeSet { Source = source }
            .Add(Node(runId, ("startedAt", Time(startedAt)), ("status", HarvestStatus.Running.ToText()), ("studiesSeen", 0), ("studiesWritten", 0),
                ("studiesWithdrawn", 0), ("errors", 0)))
            .Add(EdgeRecord.Of(Relation, new NodeRef(GraphModel.Repository.Label, repository), new NodeRef(Label, runId)));

    /// <summary>The run node as a run left it: status, counts, end time and message.</summary>
    public static NodeRecord Finished(HarvestSummary summary, DateTimeOffset finishedAt) => Node(
        summary.RunId,
        ("finishedAt", Time(finishedAt)),
        ("status", summary.Status.ToText()),
        ("studiesSeen", summary.StudiesSeen),
        ("studiesWritten", summary.StudiesWritten),
        ("studiesWithdrawn", summary.StudiesWithdrawn),
        ("errors", summary.Errors),
        ("message", Shorten(summary.Message)));

    /// <summary>A run that a later one found still running: its process stopped before it finished.</summary>
    public static NodeRecord Interrupted(string runId) => Node(
        runId,
        ("status", HarvestStatus.Failed.ToText()),
        ("message", "Interrupted: the process stopped before the run finished. The next run went on from the checkpoint."));

    private static NodeRecord Node(string runId, params (string Name, object? Value)[] properties) =>
        new(Label, runId, properties.Where(p => p.Value is not null).ToDictionary(p => p.Name, p => PropertyValues.Normalize(p.Value), StringComparer.Ordinal));

    private static string? Shorten(string? message) =>
        message is { Length: > MaxMessage } ? string.Concat(message.AsSpan(0, MaxMessage - 3), "...") : message;
}
