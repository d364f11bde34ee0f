using System.Globalization;
using Graph.Domain;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Sqlite;

/// <summary>The embedded store of record: one SQLite file in WAL mode, one transaction per ChangeSet.</summary>
public sealed class SqliteGraphStore : IGraphStore
{
    private readonly string _connectionString;

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
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, SqliteSchema.Create, cancellationToken).ConfigureAwait(false);
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
                record.CommandText = "INSERT INTO changesets (seq, committed_at, source, nodes, edges) VALUES ($seq, $at, $source, $nodes, $edges)";
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
        ReadAsync(null, sink, cancellationToken);

    /// <inheritdoc />
    public Task<long> ReadChangesAsync(long afterSequence, IChangeSink sink, CancellationToken cancellationToken) =>
        ReadAsync(afterSequence, sink, cancellationToken);

    /// <inheritdoc />
    public Task<long> GetSequenceAsync(CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ScalarAsync(connection, "SELECT IFNULL(MAX(seq), 0) FROM changesets", cancellationToken).ConfigureAwait(false);
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

    private Task<long> ReadAsync(long? after, IChangeSink sink, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = connection.BeginTransaction(deferred: true);
        var head = await ScalarAsync(connection, "SELECT IFNULL(MAX(seq), 0) FROM changesets", cancellationToken).ConfigureAwait(false);
        var filter = after is null ? "deleted = 0" : "seq > $after";
        using (var nodes = connection.CreateCommand())
        {
            nodes.CommandText = $"SELECT label, key, props, seq, deleted FROM nodes WHERE {filter}";
            nodes.Parameters.AddWithValue("$after", after ?? 0);
            using var reader = await nodes.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var label = reader.GetString(0);
                var properties = PropertyJson.Read(reader.GetString(2), PropertyJson.NodeFields(label));
                sink.Node(new StoredNode(new NodeRecord(label, reader.GetString(1), properties), reader.GetInt64(3), reader.GetInt64(4) != 0));
            }
        }

        using (var edges = connection.CreateCommand())
        {
            edges.CommandText = $"SELECT type, from_label, from_key, to_label, to_key, props, seq, deleted FROM edges WHERE {filter}";
            edges.Parameters.AddWithValue("$after", after ?? 0);
            using var reader = await edges.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var type = reader.GetString(0);
                var from = new NodeRef(reader.GetString(1), reader.GetString(2));
                var to = new NodeRef(reader.GetString(3), reader.GetString(4));
                var properties = PropertyJson.Read(reader.GetString(5), PropertyJson.EdgeFields(type, from.Label, to.Label));
                sink.Edge(new StoredEdge(new EdgeRecord(type, from, to, properties), reader.GetInt64(6), reader.GetInt64(7) != 0));
            }
        }

        return head;
    });

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=60000;", cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw Translate(e);
        }
        catch (IOException e)
        {
            throw new GraphStoreException($"SQLite store {Path}: {e.Message}", isTransient: false, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new GraphStoreException($"SQLite store {Path}: {e.Message}", isTransient: false, e);
        }
    }

    private GraphStoreException Translate(SqliteException e)
    {
        // Primary result codes: https://www.sqlite.org/rescode.html
        var (reason, transient) = (e.SqliteErrorCode & 0xFF) switch
        {
            5 or 6 => ("the database is busy or locked by another process", true),
            8 => ("the database file is read-only", false),
            10 => ("a disk I/O error occurred", true),
            11 or 26 => ("the file is corrupt or not a SQLite database", false),
            13 => ("the disk is full", false),
            14 => ("the file cannot be opened", false),
            _ => (e.Message, false),
        };
        return new GraphStoreException($"SQLite store {Path}: {reason}.", transient, e);
    }
}
