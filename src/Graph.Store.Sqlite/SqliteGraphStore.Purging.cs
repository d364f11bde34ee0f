using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Sqlite;

/// <summary>Erasing tombstones: the horizon (meta purged_through) is raised first, in its own transaction, then the tombstones of
/// changes up to it are deleted in batches, a window of changes at a time, and meta erased_through records how far the deletion
/// got, so the next purge starts there and finishes an interrupted one.</summary>
public sealed partial class SqliteGraphStore
{
    private const int PurgeBatch = 10_000;

    // The changes whose tombstones are erased before the progress is recorded, so that an interrupted purge resumes near where it
    // stopped. The tombstones are found on partial indexes that hold them alone: live rows are never read.
    private const long PurgeWindow = 256;

    /// <inheritdoc />
    public Task<PurgeResult> PurgeTombstonesAsync(DateTimeOffset committedBefore, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        long erased, through;
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            await ExecuteAsync(connection, SqliteSchema.TombstoneIndexes, cancellationToken).ConfigureAwait(false);
            erased = await MetaAsync(connection, "erased_through", cancellationToken).ConfigureAwait(false);
            through = await MetaAsync(connection, "purged_through", cancellationToken).ConfigureAwait(false);
            using var newest = connection.CreateCommand();
            newest.CommandText = "SELECT IFNULL(MAX(seq), 0) FROM changesets WHERE committed_at < $before";
            newest.Parameters.AddWithValue("$before", committedBefore.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            var before = Convert.ToInt64(await newest.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (before > through)
            {
                through = before;
                await SetMetaAsync(connection, "purged_through", through, cancellationToken).ConfigureAwait(false);
            }

            transaction.Commit();
        }

        long nodes = 0, edges = 0;
        for (var after = erased; after < through; after += PurgeWindow)
        {
            var upTo = Math.Min(through, after + PurgeWindow);
            edges += await DeleteTombstonesAsync(connection, "edges", "edges_tombstones", "from_label, from_key, type, to_label, to_key", after, upTo, cancellationToken).ConfigureAwait(false);
            nodes += await DeleteTombstonesAsync(connection, "nodes", "nodes_tombstones", "label, key", after, upTo, cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            if (await MetaAsync(connection, "erased_through", cancellationToken).ConfigureAwait(false) < upTo)
                await SetMetaAsync(connection, "erased_through", upTo, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
        }

        return new PurgeResult(through, nodes, edges);
    });

    // One short write transaction per batch, so commits wait for a batch at most.
    private static async Task<long> DeleteTombstonesAsync(
        SqliteConnection connection, string table, string index, string identity, long after, long through, CancellationToken cancellationToken)
    {
        long deleted = 0;
        while (true)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM {table} WHERE ({identity}) IN (SELECT {identity} FROM {table} INDEXED BY {index} WHERE seq > $after AND seq <= $through AND deleted = 1 LIMIT {PurgeBatch})";
            delete.Parameters.AddWithValue("$after", after);
            delete.Parameters.AddWithValue("$through", through);
            var count = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            deleted += count;
            if (count < PurgeBatch)
                return deleted;
        }
    }

    private static async Task<long> MetaAsync(SqliteConnection connection, string name, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string value ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
    }

    private static async Task SetMetaAsync(SqliteConnection connection, string name, long value, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO meta (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$value", value.ToString(CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
