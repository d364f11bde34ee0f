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
    private readonly SemaphoreSlim _saving = new(1, 1);
    private long _savedSequence = -1;

    /// <summary>The latest snapshot. Readers take it once and use it for a whole request.</summary>
    public CatalogSnapshot Current => _current;

    /// <summary>Whether the initial load has finished.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>The index file: where <see cref="SaveAsync"/> saves the current snapshot and <see cref="LoadAsync"/> reads it back
    /// (then only the changes committed since are read from the store); null for none.</summary>
    public string? FilePath { get; init; }

    /// <summary>Loads the catalogue: from the index file when it holds a snapshot of this store's history (then the changes since
    /// from the store), else the whole catalogue from the store.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = Source.StartActivity("index.load");
            var watch = Stopwatch.StartNew();
            if (await ReadFileAsync(cancellationToken).ConfigureAwait(false) is { } saved)
            {
                var fileMs = watch.ElapsedMilliseconds;
                var caughtUp = new SnapshotBuilder(saved);
                try
                {
                    var head = await store.ReadChangesAsync(saved.Sequence, caughtUp, cancellationToken).ConfigureAwait(false);
                    Publish(head != saved.Sequence || caughtUp.Applied > 0 ? caughtUp.Build(head) : saved);
                    Interlocked.Exchange(ref _savedSequence, saved.Sequence);
                    _loaded = true;
                    LogLoadedFromFile(FilePath!, saved.Sequence, fileMs, caughtUp.Applied, head, watch.ElapsedMilliseconds);
                    return;
                }
                catch (ChangesPurgedException e)
                {
                    // Deletions since the file was saved are no longer in the feed: what they deleted would live on.
                    LogFilePurged(FilePath!, saved.Sequence, e.PurgedThrough);
                }
            }

            var (sequence, applied, skipped) = await ReadStoreAsync(cancellationToken).ConfigureAwait(false);
            // Reading the whole store leaves gigabytes of parsed rows behind at millions of series. One compacting collection
            // hands the free memory back to the system, before the service is ready, so that no request waits for it. It runs
            // from a new work item: this method may be resumed inside the store read's own completion, whose finishing async
            // methods still hold the builder (and with it everything read) until they return, so a collection here kept all
            // of it (a million series: 802 MiB of heap after the collection, 436 MiB once those methods had returned).
            await Task.Yield();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            _loaded = true;
            LogLoaded(applied, sequence, watch.ElapsedMilliseconds);
            if (skipped > 0)
                LogSkipped(skipped);
        }
        finally
        {
            _gate.Release();
        }
    }

    // The whole catalogue from the store, published; the builder and what it read are garbage once this returns.
    private async Task<(long Sequence, int Applied, int Skipped)> ReadStoreAsync(CancellationToken cancellationToken)
    {
        var builder = new SnapshotBuilder(CatalogSnapshot.CreateEmpty());
        var sequence = await store.ReadAllAsync(builder, cancellationToken).ConfigureAwait(false);
        Publish(builder.Build(sequence));
        return (sequence, builder.Applied, builder.Skipped);
    }

    /// <summary>Applies every change committed since the current snapshot; returns how many rows it applied.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            var builder = new SnapshotBuilder(current);
            long sequence;
            try
            {
                sequence = await store.ReadChangesAsync(current.Sequence, builder, cancellationToken).ConfigureAwait(false);
            }
            catch (ChangesPurgedException e)
            {
                // This process fell behind a purge (stopped, or cut off from the store, for longer than the retention): the feed no
                // longer says what was deleted meanwhile, so the whole catalogue is read again.
                LogFollowPurged(current.Sequence, e.PurgedThrough);
                return (await ReadStoreAsync(cancellationToken).ConfigureAwait(false)).Applied;
            }

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

    /// <summary>Saves the current snapshot to the index file unless it holds that sequence already; returns whether it wrote.</summary>
    /// <remarks>Runs beside readers and commits; a failure (full disk, no permission) is logged and leaves the previous file.</remarks>
    public async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        var snapshot = _current;
        if (FilePath is null || snapshot.Sequence == 0 || snapshot.Sequence == Interlocked.Read(ref _savedSequence))
            return false;
        await _saving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var watch = Stopwatch.StartNew();
            var mark = await store.GetChangeMarkAsync(snapshot.Sequence, cancellationToken).ConfigureAwait(false);
            if (mark is null || snapshot.Sequence <= Interlocked.Read(ref _savedSequence))
                return false;
            await Task.Run(() => SnapshotFile.Write(snapshot, mark, FilePath), cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _savedSequence, snapshot.Sequence);
            LogSaved(FilePath, snapshot.Sequence, new FileInfo(FilePath).Length >> 20, watch.ElapsedMilliseconds);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or GraphStoreException)
        {
            LogSaveFailed(FilePath, e.Message);
            return false;
        }
        finally
        {
            _saving.Release();
        }
    }

    // The snapshot of the index file when the store still holds the history it was saved from, else null (saying why).
    private async Task<CatalogSnapshot?> ReadFileAsync(CancellationToken cancellationToken)
    {
        if (FilePath is null || !File.Exists(FilePath))
            return null;
        try
        {
            var header = SnapshotFile.Usable(SnapshotFile.ReadHeader(FilePath), FilePath);
            var mark = await store.GetChangeMarkAsync(header.Sequence, cancellationToken).ConfigureAwait(false);
            if (mark != header.Mark)
            {
                LogFileStale(FilePath, header.Sequence);
                return null;
            }

            return SnapshotFile.Read(FilePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            LogFileUnusable(FilePath, e.Message);
            return null;
        }
    }

    /// <inheritdoc />
    Task ICommitListener.OnCommittedAsync(CommitResult result, CancellationToken cancellationToken) =>
        result.Sequence > _current.Sequence ? CatchUpAsync(cancellationToken) : Task.CompletedTask;

    private void Publish(CatalogSnapshot snapshot) => _current = snapshot;

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue index loaded: {Rows} nodes and relationships at change {Sequence} in {ElapsedMs} ms")]
    private partial void LogLoaded(int rows, long sequence, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue index read from {File} at change {Sequence} in {FileMs} ms, then {Rows} changed nodes and relationships from the store up to change {Head}: {ElapsedMs} ms in all")]
    private partial void LogLoadedFromFile(string file, long sequence, long fileMs, int rows, long head, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue index saved to {File} at change {Sequence} ({MiB} MiB) in {ElapsedMs} ms")]
    private partial void LogSaved(string file, long sequence, long miB, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the catalogue index to {File}; the next start reads the whole store: {Reason}")]
    private partial void LogSaveFailed(string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The index file {File} was saved from another history of the store (its change {Sequence} differs or is gone): reading the whole store")]
    private partial void LogFileStale(string file, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "The index file {File} was saved at change {Sequence}, and the tombstones of deletions up to change {PurgedThrough} have been purged since: reading the whole store")]
    private partial void LogFilePurged(string file, long sequence, long purgedThrough);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalogue index is at change {Sequence}, and the tombstones of deletions up to change {PurgedThrough} have been purged since: reading the whole store")]
    private partial void LogFollowPurged(long sequence, long purgedThrough);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index file {File} cannot be used, reading the whole store: {Reason}")]
    private partial void LogFileUnusable(string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue index skipped {Count} rows of unknown kinds or with missing end nodes")]
    private partial void LogSkipped(int count);
}
