using System.Diagnostics;
using System.Diagnostics.Metrics;
using Graph.Domain;
using Microsoft.Extensions.Logging;

namespace Graph.Store;

/// <summary>The one way into the graph: validates a ChangeSet, commits it to the store and tells the listeners.</summary>
/// <remarks>
/// Transient store failures are retried here and nowhere else (<see cref="RetryPolicy"/>). A retry carries the set's id,
/// so when the first attempt committed but its reply was lost, the store reports that commit; the listeners are told
/// once, after the attempt that returned.
/// </remarks>
public sealed partial class GraphWriter(IGraphStore store, IEnumerable<ICommitListener> listeners, ILogger<GraphWriter> logger, RetryPolicy? retry = null)
{
    /// <summary>The name of the writer's meter (commit latency) and of its trace source (one span per commit).</summary>
    public const string MeterName = "Graph.Store";

    /// <summary>The name of the writer's trace source.</summary>
    public const string SourceName = "Graph.Store";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "graph.store.commit.duration", "s", "Time to commit one ChangeSet to the store (retries included), by outcome (changed, unchanged, failed).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    private static readonly NodeRecordValidator NodeValidator = new();
    private static readonly EdgeRecordValidator EdgeValidator = new();
    private readonly ICommitListener[] _listeners = listeners.ToArray();
    private readonly RetryPolicy _retry = retry ?? new RetryPolicy();

    /// <summary>Returns every validation error of a ChangeSet; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(ChangeSet changes) => Validate(changes, withValues: true);

    /// <summary>Returns every validation error of a ChangeSet naming the field and the rule but never a value or key, for
    /// reports that must not repeat one; empty when it is valid.</summary>
    public static IReadOnlyList<string> ValidateWithoutValues(ChangeSet changes) => Validate(changes, withValues: false);

    private static List<string> Validate(ChangeSet changes, bool withValues)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(changes.Id) || changes.Id.Length > 64)
            errors.Add(withValues ? $"The change set's id '{changes.Id}' must have 1 to 64 characters." : "The change set's id must have 1 to 64 characters.");
        foreach (var node in changes.Nodes)
            Collect(NodeValidator.Validate(node), errors, withValues);
        foreach (var edge in changes.Edges)
            Collect(EdgeValidator.Validate(edge), errors, withValues);
        foreach (var node in changes.DeletedNodes)
        {
            if (GraphModel.Kind(node.Label) is null)
                errors.Add(withValues ? $"Cannot delete {node}: unknown label." : "Cannot delete a node: unknown label.");
        }

        foreach (var edge in changes.DeletedEdges)
        {
            if (GraphModel.Relation(edge.Type, edge.From.Label, edge.To.Label) is null)
                errors.Add(withValues ? $"Cannot delete {edge}: unknown relationship." : $"Cannot delete a relationship {edge.Type}: unknown relationship.");
        }

        return errors;
    }

    /// <summary>Validates and commits a ChangeSet, then publishes it to the listeners.</summary>
    /// <exception cref="ChangeSetRejectedException">The set is invalid; nothing was applied.</exception>
    /// <exception cref="GraphStoreException">The store failed; nothing was applied.</exception>
    public async Task<CommitResult> WriteAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        var errors = Validate(changes);
        if (errors.Count > 0)
            throw new ChangeSetRejectedException(errors) { ErrorsWithoutValues = ValidateWithoutValues(changes) };

        using var activity = Source.StartActivity("store.commit");
        activity?.SetTag("graph.change_source", changes.Source);
        var started = Stopwatch.GetTimestamp();
        CommitResult result;
        try
        {
            result = await _retry.RunAsync(
                ct => store.ApplyAsync(changes, ct),
                (attempt, delay, e) => LogRetry(attempt, _retry.MaxRetries, (long)delay.TotalMilliseconds, e.Message),
                cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreException)
        {
            CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", "failed"));
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }

        CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", result.Changed ? "changed" : "unchanged"));
        activity?.SetTag("graph.sequence", result.Sequence);
        if (result.Changed)
        {
            if (result.Replayed)
                LogReplayed(result.Sequence, changes.Source);
            LogCommitted(result.Sequence, changes.Source, result.NodesChanged, result.EdgesChanged);
            // Committed: every listener hears of it even when the caller has stopped waiting (a cancelled request had left its
            // commit out of the index until the next follow).
            foreach (var listener in _listeners)
                await listener.OnCommittedAsync(result, CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }

    private static void Collect(FluentValidation.Results.ValidationResult result, List<string> errors, bool withValues)
    {
        if (!result.IsValid)
            errors.AddRange(result.Errors.Select(e => withValues ? e.ErrorMessage : ValidationFailures.WithoutValues(e)));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed change {Sequence} from {Source}: {Nodes} nodes, {Edges} relationships")]
    private partial void LogCommitted(long sequence, string source, int nodes, int edges);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient store failure, retry {Attempt} of {MaxRetries} in {DelayMs} ms: {Reason}")]
    private partial void LogRetry(int attempt, int maxRetries, long delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Change {Sequence} from {Source} had been committed by an attempt whose reply was lost; reporting that commit")]
    private partial void LogReplayed(long sequence, string source);
}
