namespace Graph.Store;

/// <summary>The store of record: durable nodes and relationships with a monotonically increasing change sequence.</summary>
/// <remarks>
/// Contract (tested by GraphStoreContract for every adapter): a ChangeSet commits atomically or not at all and
/// gets the next sequence number; applying a set that changes nothing leaves the sequence as it is; reads see
/// whole ChangeSets only; <see cref="ReadChangesAsync"/> returns every node and relationship whose last change
/// is after the given sequence, deletions included, unless their tombstones were purged since.
/// </remarks>
public interface IGraphStore : IAsyncDisposable
{
    /// <summary>Creates tables, constraints and indexes if they are missing; safe to call at every start.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Applies a ChangeSet in one transaction.</summary>
    /// <exception cref="GraphStoreException">The set was not applied; nothing of it was stored.</exception>
    Task<CommitResult> ApplyAsync(ChangeSet changes, CancellationToken cancellationToken);

    /// <summary>Streams every live node, then every live relationship, consistently; returns the sequence they reflect.</summary>
    Task<long> ReadAllAsync(IChangeSink sink, CancellationToken cancellationToken);

    /// <summary>Streams the live nodes of some labels, then the live relationships of some types, consistently; returns the sequence they reflect.</summary>
    /// <remarks>For imports that need a small part of a large catalogue (its concepts, its cancer types) without reading the rest;
    /// with <see cref="ReadScope.Keys"/>, for ingests that need a few studies and series of it, read by key.</remarks>
    Task<long> ReadAllAsync(IChangeSink sink, ReadScope scope, CancellationToken cancellationToken);

    /// <summary>Streams every node, then every relationship, whose last change is after a sequence number, deletions
    /// included, consistently; returns the sequence they bring the reader to.</summary>
    /// <exception cref="ChangesPurgedException">Tombstones of deletions after the sequence were erased since
    /// (<see cref="PurgeTombstonesAsync"/>): the feed cannot say what was deleted, and the reader must read the whole store.</exception>
    Task<long> ReadChangesAsync(long afterSequence, IChangeSink sink, CancellationToken cancellationToken);

    /// <summary>Erases for good the tombstones of deletions committed before a time (their keys: pseudonyms, UIDs, cohort ids),
    /// in batches; returns the sequence the feed is complete from and what this call erased.</summary>
    /// <remarks>Live rows, the change records and the sequence stay. The horizon is recorded before anything is erased, so a
    /// reader of the feed from an earlier sequence, even one already reading, is told (<see cref="ChangesPurgedException"/>)
    /// instead of missing a deletion. Safe beside readers, writers and other purges; an interrupted purge is finished by the
    /// next.</remarks>
    Task<PurgeResult> PurgeTombstonesAsync(DateTimeOffset committedBefore, CancellationToken cancellationToken);

    /// <summary>Reads the current change sequence.</summary>
    Task<long> GetSequenceAsync(CancellationToken cancellationToken);

    /// <summary>What tells the ChangeSet committed at a sequence from any other (its commit time and source), or null when the
    /// store has none at that sequence.</summary>
    /// <remarks>A reader that saved the catalogue as of a sequence checks with it that the store still holds the history it read:
    /// a store re-created since, or restored from an older backup, gives another mark or none.</remarks>
    Task<string?> GetChangeMarkAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>Counts live nodes and relationships.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
