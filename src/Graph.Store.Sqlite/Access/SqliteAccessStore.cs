using System.Globalization;
using Graph.Store.Access;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Sqlite.Access;

/// <summary>API keys and access requests in a SQLite file beside the catalogue (access.db), shared by every process on the data folder.</summary>
public sealed partial class SqliteAccessStore(string path) : IAccessStore, IAccessRequestStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    private int _created;

    /// <summary>The file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The store of a catalogue's data folder.</summary>
    public static SqliteAccessStore InDataDirectory(string dataDirectory) => new(System.IO.Path.Combine(dataDirectory, "access.db"));

    /// <inheritdoc />
    public Task<bool> AddAsync(ApiKey key, byte[] secretHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Guard(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO api_keys(id, hash, role, owner, grants, created_at, expires_at) VALUES ($id, $hash, $role, $owner, $grants, $created, $expires)
                ON CONFLICT (id) DO NOTHING
                """;
            command.Parameters.AddWithValue("$id", key.Id);
            command.Parameters.AddWithValue("$hash", secretHash);
            command.Parameters.AddWithValue("$role", key.Role);
            command.Parameters.AddWithValue("$owner", key.Owner);
            command.Parameters.AddWithValue("$grants", string.Join(' ', key.Grants));
            command.Parameters.AddWithValue("$created", Format(key.CreatedAt));
            command.Parameters.AddWithValue("$expires", key.ExpiresAt is { } e ? Format(e) : DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        });
    }

    /// <inheritdoc />
    public Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, role, owner, grants, created_at, expires_at, revoked_at, hash FROM api_keys WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new StoredApiKey(Read(reader), (byte[])reader["hash"]) : null;
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) => Guard<IReadOnlyList<ApiKey>>(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, role, owner, grants, created_at, expires_at, revoked_at FROM api_keys ORDER BY created_at DESC, id";
        var keys = new List<ApiKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            keys.Add(Read(reader));
        return keys;
    });

    /// <inheritdoc />
    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET revoked_at = coalesce(revoked_at, $now) WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", Format(at));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    });

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
            Directory.CreateDirectory(directory);
        if (Volatile.Read(ref _created) == 0)
            CreateOwnerOnly();
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _created) == 0)
        {
            // Created only when missing, so a store on a read-only volume still checks keys.
            await using var check = connection.CreateCommand();
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('api_keys', 'access_requests')";
            var tables = Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (tables < 2)
            {
                await using var create = connection.CreateCommand();
                create.CommandText = """
                    CREATE TABLE IF NOT EXISTS api_keys(
                        id TEXT PRIMARY KEY, hash BLOB NOT NULL, role TEXT NOT NULL, owner TEXT NOT NULL, grants TEXT NOT NULL,
                        created_at TEXT NOT NULL, expires_at TEXT NULL, revoked_at TEXT NULL);
                    CREATE TABLE IF NOT EXISTS access_requests(
                        id TEXT PRIMARY KEY, requester TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL, body TEXT NOT NULL);
                    CREATE INDEX IF NOT EXISTS access_requests_requester ON access_requests(requester);
                    """;
                try
                {
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException e) when (tables == 1 && e.SqliteErrorCode == 8)
                {
                    // A key file of an older version on a read-only volume: keys are still checked; requests cannot be stored there.
                }
            }

            Volatile.Write(ref _created, 1);
        }

        return connection;
    }

    // Key hashes, roles and owners are for the service account only (SQLite gives its journal the file's mode); an existing file
    // keeps the mode its operator chose.
    private void CreateOwnerOnly()
    {
        if (OperatingSystem.IsWindows() || File.Exists(Path))
            return;
        try
        {
            using var file = new FileStream(Path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process made it first, or the folder cannot be written: SQLite opens it or reports why.
        }
    }

    private async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            var transient = (e.SqliteErrorCode & 0xFF) is 5 or 6;
            throw new GraphStoreException($"SQLite access store {Path}: {e.Message}", transient, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GraphStoreException($"SQLite access store {Path}: {e.Message}", false, e);
        }
    }

    private static ApiKey Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Parse(reader.GetString(4)),
        reader.IsDBNull(5) ? null : Parse(reader.GetString(5)),
        reader.IsDBNull(6) ? null : Parse(reader.GetString(6)));

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
