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
    private static readonly NodeRecordValidator NodeValidator = new();
    private static readonly EdgeRecordValidator EdgeValidator = new();
    private readonly ICommitListener[] _listeners = listeners.ToArray();
    private readonly RetryPolicy _retry = retry ?? new RetryPolicy();

    /// <summary>Returns every validation error of a ChangeSet; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(changes.Id) || changes.Id.Length > 64)
            errors.Add($"The change set's id '{changes.Id}' must have 1 to 64 characters.");
        foreach (var node in changes.Nodes)
            Collect(NodeValidator.Validate(node), errors);
        foreach (var edge in changes.Edges)
            Collect(EdgeValidator.Validate(edge), errors);
        foreach (var node in changes.DeletedNodes)
        {
            if (GraphModel.Kind(node.Label) is null)
                errors.Add($"Cannot delete {node}: unknown label.");
        }

        foreach (var edge in changes.DeletedEdges)
        {
            if (GraphModel.Relation(edge.Type, edge.From.Label, edge.To.Label) is null)
                errors.Add($"Cannot delete {edge}: unknown relationship.");
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
            throw new ChangeSetRejectedException(errors);

        var result = await _retry.RunAsync(
            ct => store.ApplyAsync(changes, ct),
            (attempt, delay, e) => LogRetry(attempt, _retry.MaxRetries, (long)delay.TotalMilliseconds, e.Message),
            cancellationToken).ConfigureAwait(false);
        if (result.Changed)
        {
            if (result.Replayed)
                LogReplayed(result.Sequence, changes.Source);
            LogCommitted(result.Sequence, changes.Source, result.NodesChanged, result.EdgesChanged);
            foreach (var listener in _listeners)
                await listener.OnCommittedAsync(result, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private static void Collect(FluentValidation.Results.ValidationResult result, List<string> errors)
    {
        if (!result.IsValid)
            errors.AddRange(result.Errors.Select(e => e.ErrorMessage));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed change {Sequence} from {Source}: {Nodes} nodes, {Edges} relationships")]
    private partial void LogCommitted(long sequence, string source, int nodes, int edges);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient store failure, retry {Attempt} of {MaxRetries} in {DelayMs} ms: {Reason}")]
    private partial void LogRetry(int attempt, int maxRetries, long delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Change {Sequence} from {Source} had been committed by an attempt whose reply was lost; reporting that commit")]
    private partial void LogReplayed(long sequence, string source);
}
