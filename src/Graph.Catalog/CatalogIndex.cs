using System.Diagnostics;
using Graph.Catalog.Storage;
using Graph.Store;
using Microsoft.Extensions.Logging;

namespace Graph.Catalog;

/// <summary>The read model: holds the current snapshot, loads it from the store and keeps it current through the change feed.</summary>
/// <remarks>The writer calls it after each commit (same process); a follower calls <see cref="CatchUpAsync"/> on a timer for other processes' writes.</remarks>
public sealed partial class CatalogIndex(IGraphStore store, ILogger<CatalogIndex> logger) : ICommitListener
{
    /// <summary>The name of the index's trace source: spans for loading and for applying changes.</summary>
    public const string SourceName = "Graph.Catalog";

    private static readonly ActivitySource Source = new(SourceName);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CatalogSnapshot _current = CatalogSnapshot.CreateEmpty();
    private volatile bool _loaded;

    /// <summary>The latest snapshot. Readers take it once and use it for a whole request.</summary>
    public CatalogSnapshot Current => _current;

    /// <summary>Whether the initial load has finished.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>Loads the whole catalogue from the store into a new snapshot.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = Source.StartActivity("index.load");
            var watch = Stopwatch.StartNew();
            var builder = new SnapshotBuilder(CatalogSnapshot.CreateEmpty());
            var sequence = await store.ReadAllAsync(builder, cancellationToken).ConfigureAwait(false);
            Publish(builder.Build(sequence));
            _loaded = true;
            LogLoaded(builder.Applied, sequence, watch.ElapsedMilliseconds);
            if (builder.Skipped > 0)
                LogSkipped(builder.Skipped);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies every change committed since the current snapshot; returns how many rows it applied.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            var builder = new SnapshotBuilder(current);
            var sequence = await store.ReadChangesAsync(current.Sequence, builder, cancellationToken).ConfigureAwait(false);
            if (sequence == current.Sequence && builder.Applied == 0)
                return 0;
            using var activity = Source.StartActivity("index.apply");
            activity?.SetTag("graph.sequence", sequence);
            activity?.SetTag("graph.rows", builder.Applied);
            Publish(builder.Build(sequence));
            return builder.Applied;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    Task ICommitListener.OnCommittedAsync(CommitResult result, CancellationToken cancellationToken) =>
        result.Sequence > _current.Sequence ? CatchUpAsync(cancellationToken) : Task.CompletedTask;

    private void Publish(CatalogSnapshot snapshot) => _current = snapshot;

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue index loaded: {Rows} nodes and relationships at change {Sequence} in {ElapsedMs} ms")]
    private partial void LogLoaded(int rows, long sequence, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue index skipped {Count} rows of unknown kinds or with missing end nodes")]
    private partial void LogSkipped(int count);
}
