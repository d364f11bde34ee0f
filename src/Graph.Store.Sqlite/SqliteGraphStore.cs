using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Sqlite;

/// <summary>The embedded store of record: one SQLite file in WAL mode, one transaction per ChangeSet.</summary>
public sealed partial class SqliteGraphStore : IGraphStore
{
    private readonly string _connectionString;
    private readonly string _readOnlyConnectionString;

    /// <summary>Opens (or will create) the store in a file.</summary>
    public SqliteGraphStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        _readOnlyConnectionString = new SqliteConnectionStringBuilder(_connectionString)
        {
            DataSource = new Uri(Path).AbsoluteUri + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await Guard(async () =>
        {
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
                Directory.CreateDirectory(directory);
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

            // A store already at this schema needs no write, so one on a read-only volume still opens and serves reads.
            if (await HasCurrentSchemaAsync(connection, cancellationToken).ConfigureAwait(false))
                return 0;
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            await ExecuteAsync(connection, SqliteSchema.Create, cancellationToken).ConfigureAwait(false);
            if (!await HasColumnAsync(connection, "changesets", "id", cancellationToken).ConfigureAwait(false))
                await ExecuteAsync(connection, SqliteSchema.AddChangeSetIds, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, SqliteSchema.Finish, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            return 0;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<CommitResult> ApplyAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return Guard(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            using var transaction = connection.BeginTransaction(deferred: false);
            if (await FindCommitAsync(connection, changes.Id, cancellationToken).ConfigureAwait(false) is { } earlier)
                return earlier;
            var sequence = await ScalarAsync(connection, "SELECT IFNULL(MAX(seq), 0) FROM changesets", cancellationToken).ConfigureAwait(false);
            var apply = new SqliteChangeApplier(connection, sequence + 1);
            apply.Apply(changes);
            if (apply.NodesChanged + apply.EdgesChanged == 0)
            {
                transaction.Rollback();
                return new CommitResult(sequence, 0, 0);
            }

            using (var record = connection.CreateCommand())
            {
                record.CommandText = "INSERT INTO changesets (seq, committed_at, source, nodes, edges, id) VALUES ($seq, $at, $source, $nodes, $edges, $id)";
                record.Parameters.AddWithValue("$id", changes.Id);
                record.Parameters.AddWithValue("$seq", sequence + 1);
                record.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                record.Parameters.AddWithValue("$source", changes.Source);
                record.Parameters.AddWithValue("$nodes", apply.NodesChanged);
                record.Parameters.AddWithValue("$edges", apply.EdgesChanged);
                record.ExecuteNonQuery();
            }

            transaction.Commit();
            return new CommitResult(sequence + 1, apply.NodesChanged, apply.EdgesChanged);
        });
    }

    /// <inheritdoc />
    public Task<long> ReadAllAsync(IChangeSink sink, CancellationToken cancellationToken) =>
        ReadAsync(null, null, sink, cancellationToken);

    /// <inheritdoc />
    public Task<long> ReadAllAsync(IChangeSink sink, ReadScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return ReadAsync(null, scope, sink, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> ReadChangesAsync(long afterSequence, IChangeSink sink, CancellationToken cancellationToken) =>
        ReadAsync(afterSequence, null, sink, cancellationToken);

    /// <inheritdoc />
    public Task<long> GetSequenceAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ScalarAsync(connection, "SELECT IFNULL(MAX(seq), 0) FROM changesets", cancellationToken).ConfigureAwait(false);
    });

    /// <inheritdoc />
    public Task<string?> GetChangeMarkAsync(long sequence, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT committed_at || ' ' || source FROM changesets WHERE seq = $seq";
        command.Parameters.AddWithValue("$seq", sequence);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    });

    /// <inheritdoc />
    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        var sequence = await ScalarAsync(connection, "SELECT IFNULL(MAX(seq), 0) FROM changesets", cancellationToken).ConfigureAwait(false);
        var nodes = await CountAsync(connection, "SELECT label, COUNT(*) FROM nodes WHERE deleted = 0 GROUP BY label", cancellationToken).ConfigureAwait(false);
        var edges = await CountAsync(connection, "SELECT type, COUNT(*) FROM edges WHERE deleted = 0 GROUP BY type", cancellationToken).ConfigureAwait(false);
        return new StoreStatistics(sequence, nodes, edges);
    });

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await OpenAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when ((e.SqliteErrorCode & 0xFF) == 14 && File.Exists(Path))
        {
            // A read-only volume: SQLite cannot create the WAL's side files there. With no unmerged WAL left, nobody can
            // change the file either, so it opens as immutable and serves reads; writes then fail as read-only.
            var wal = new FileInfo(Path + "-wal");
            if (wal.Exists && wal.Length > 0)
                throw;
            return await OpenAsync(_readOnlyConnectionString, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // The write-ahead log keeps its largest size unless told otherwise (1.6 GB after a burst of saved cohorts, until the
            // service stopped): once a checkpoint has emptied it, it is cut back to 64 MiB. What a deletion or a purge drops is
            // overwritten with zeros, in b-tree pages and in pages it frees, so that a withdrawn record cannot be read back from
            // the file (SQLite's default leaves the bytes until the space is reused).
            await ExecuteAsync(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=60000; PRAGMA journal_size_limit=67108864; PRAGMA secure_delete=ON;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The outcome of an earlier commit of a ChangeSet id, or null when none committed it.</summary>
    private static async Task<CommitResult?> FindCommitAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, nodes, edges FROM changesets WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new CommitResult(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2)) { Replayed = true }
            : null;
    }

    private static async Task<bool> HasColumnAsync(SqliteConnection connection, string table, string column, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = $column";
        command.Parameters.AddWithValue("$column", column);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<bool> HasCurrentSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE name = 'schema_version' AND EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'changesets_by_id')";
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string version
                && version == SqliteSchema.Version.ToString(CultureInfo.InvariantCulture);
        }
        catch (SqliteException e) when ((e.SqliteErrorCode & 0xFF) == 1)
        {
            return false; // no meta table yet
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}
