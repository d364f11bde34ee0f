using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Sqlite.Access;

/// <summary>API keys in a SQLite file beside the catalogue (access.db): random secrets shown once and stored as SHA-256 hashes.</summary>
/// <remarks>A key reads <c>cig_&lt;id&gt;_&lt;secret&gt;</c>; the id finds the row, the secret's hash is compared in constant time.</remarks>
public sealed class ApiKeyStore(string path)
{
    private const string Prefix = "cig_";
    private const int CacheSize = 10_000;
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ApiKey?> _found = new(StringComparer.Ordinal);
    private DateTime _foundStamp;
    private int _created;

    /// <summary>The store of a catalogue's data folder.</summary>
    public static ApiKeyStore InDataDirectory(string dataDirectory) => new(Path.Combine(dataDirectory, "access.db"));

    /// <summary>Creates a key and returns it with its secret text, which is not kept and cannot be shown again.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string role, string owner, IEnumerable<string> grants, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = $"{Prefix}{id}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        var key = new ApiKey(id, role, owner, grants.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), DateTimeOffset.UtcNow, expiresAt, null);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO api_keys(id, hash, role, owner, grants, created_at, expires_at) VALUES ($id, $hash, $role, $owner, $grants, $created, $expires)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$hash", Hash(secret));
        command.Parameters.AddWithValue("$role", role);
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$grants", string.Join(' ', key.Grants));
        command.Parameters.AddWithValue("$created", Format(key.CreatedAt));
        command.Parameters.AddWithValue("$expires", expiresAt is { } e ? Format(e) : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return (key, secret);
    }

    /// <summary>Every key, newest first, revoked and expired ones included.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, role, owner, grants, created_at, expires_at, revoked_at FROM api_keys ORDER BY created_at DESC, id";
        var keys = new List<ApiKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            keys.Add(Read(reader));
        return keys;
    }

    /// <summary>Revokes a key by id; false when there is no such key.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET revoked_at = coalesce(revoked_at, $now) WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", Format(DateTimeOffset.UtcNow));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Finds the key a secret text belongs to, whatever its state; null when the text is not a key of this store.</summary>
    /// <remarks>Answers are remembered until the file changes (a key created or revoked by another process), by the secret's hash.</remarks>
    public async Task<ApiKey?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var stamp = File.GetLastWriteTimeUtc(path);
        if (stamp != _foundStamp)
        {
            _found.Clear();
            _foundStamp = stamp;
        }

        var hash = Convert.ToHexString(Hash(secret));
        if (_found.TryGetValue(hash, out var known))
            return known;
        var key = await LookUpAsync(secret, cancellationToken).ConfigureAwait(false);
        if (_found.Count < CacheSize)
            _found[hash] = key;
        return key;
    }

    private async Task<ApiKey?> LookUpAsync(string secret, CancellationToken cancellationToken)
    {
        var parts = secret.Split('_');
        if (parts.Length != 3 || parts[0] + "_" != Prefix || parts[1].Length != 12 || secret.Length > 100)
            return null;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, role, owner, grants, created_at, expires_at, revoked_at, hash FROM api_keys WHERE id = $id";
        command.Parameters.AddWithValue("$id", parts[1]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        return CryptographicOperations.FixedTimeEquals((byte[])reader["hash"], Hash(secret)) ? Read(reader) : null;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 0)
            CreateOwnerOnly();
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _created) == 0)
        {
            // Created only when missing, so a store on a read-only volume still checks keys.
            await using var check = connection.CreateCommand();
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'api_keys'";
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
            {
                await using var create = connection.CreateCommand();
                create.CommandText = """
                    CREATE TABLE IF NOT EXISTS api_keys(
                        id TEXT PRIMARY KEY, hash BLOB NOT NULL, role TEXT NOT NULL, owner TEXT NOT NULL, grants TEXT NOT NULL,
                        created_at TEXT NOT NULL, expires_at TEXT NULL, revoked_at TEXT NULL);
                    """;
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            Volatile.Write(ref _created, 1);
        }

        return connection;
    }

    // Key hashes, roles and owners are for the service account only (SQLite gives its journal the file's mode); an existing file
    // keeps the mode its operator chose.
    private void CreateOwnerOnly()
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
            return;
        try
        {
            using var file = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process made it first, or the folder cannot be written: SQLite opens it or reports why.
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

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
