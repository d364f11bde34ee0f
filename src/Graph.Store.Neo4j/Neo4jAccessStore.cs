using System.Globalization;
using Graph.Store.Access;

namespace Graph.Store.Neo4j;

/// <summary>API keys in the Neo4j store of record, so that every replica on the database sees a key, its grants, its expiry and its revocation.</summary>
/// <remarks>Keys are <c>(:ApiKey {id, hash, role, owner, grants, createdAt, expiresAt, revokedAt})</c> nodes; the hash is the hex SHA-256 of the secret, times are ISO 8601 UTC text.
/// Access requests are <c>(:AccessRequest {id, requester, version, createdAt, body})</c> nodes, the body the request as JSON.</remarks>
public sealed class Neo4jAccessStore : IAccessStore, IAccessRequestStore
{
    private readonly QueryApiClient _client;

    /// <summary>Creates the access store on the server and database of a graph store.</summary>
    public Neo4jAccessStore(Neo4jGraphStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _client = store.Client;
    }

    /// <inheritdoc />
    public async Task<bool> AddAsync(ApiKey key, byte[] secretHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = await _client.RunAsync(
            Neo4jAccessStatements.Add,
            new Dictionary<string, object?>
            {
                ["id"] = key.Id,
                ["hash"] = Convert.ToHexStringLower(secretHash),
                ["role"] = key.Role,
                ["owner"] = key.Owner,
                ["grants"] = key.Grants.Cast<object?>().ToList(),
                ["createdAt"] = Format(key.CreatedAt),
                ["expiresAt"] = key.ExpiresAt is { } e ? Format(e) : null,
            },
            cancellationToken).ConfigureAwait(false);
        return result.Rows.Count > 0 && result.Rows[0][result.Column("added")] is true;
    }

    /// <inheritdoc />
    public async Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(Neo4jAccessStatements.Find, new Dictionary<string, object?> { ["id"] = id }, cancellationToken).ConfigureAwait(false);
        if (result.Rows.Count == 0)
            return null;
        var row = result.Rows[0];
        return new StoredApiKey(Read(result, row), Convert.FromHexString((string)row[result.Column("hash")]!));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(Neo4jAccessStatements.List, new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        return result.Rows.Select(row => Read(result, row)).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(
            Neo4jAccessStatements.Revoke, new Dictionary<string, object?> { ["id"] = id, ["now"] = Format(at) }, cancellationToken).ConfigureAwait(false);
        return result.Rows.Count > 0;
    }

    /// <inheritdoc />
    public async Task<bool> AddRequestAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = AccessRequestJson.Write(request);
        var result = await _client.RunAsync(
            Neo4jAccessStatements.AddRequest,
            new Dictionary<string, object?>
            {
                ["id"] = request.Id,
                ["requester"] = request.Requester,
                ["version"] = (long)request.Version,
                ["createdAt"] = Format(request.CreatedAt),
                ["body"] = body,
            },
            cancellationToken).ConfigureAwait(false);
        return result.Rows.Count > 0 && result.Rows[0][result.Column("added")] is true;
    }

    /// <inheritdoc />
    public async Task<AccessRequest?> FindRequestAsync(string id, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(Neo4jAccessStatements.FindRequest, new Dictionary<string, object?> { ["id"] = id }, cancellationToken).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : AccessRequestJson.Read((string)result.Rows[0][result.Column("body")]!);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AccessRequest>> ListRequestsAsync(string? requester, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(
            Neo4jAccessStatements.ListRequests, new Dictionary<string, object?> { ["requester"] = requester }, cancellationToken).ConfigureAwait(false);
        return result.Rows.Select(row => AccessRequestJson.Read((string)row[result.Column("body")]!)).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> ReplaceRequestAsync(AccessRequest request, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await _client.RunAsync(
            Neo4jAccessStatements.ReplaceRequest,
            new Dictionary<string, object?>
            {
                ["id"] = request.Id,
                ["expected"] = (long)expectedVersion,
                ["version"] = (long)request.Version,
                ["body"] = AccessRequestJson.Write(request),
            },
            cancellationToken).ConfigureAwait(false);
        return result.Rows.Count > 0;
    }

    private static ApiKey Read(QueryResult result, object?[] row)
    {
        string? Text(string column) => row[result.Column(column)] as string;
        var grants = row[result.Column("grants")] is List<object?> list ? list.Select(g => g as string ?? "").ToList() : [];
        return new ApiKey(
            Text("id")!,
            Text("role")!,
            Text("owner")!,
            grants,
            Parse(Text("createdAt")!),
            Text("expiresAt") is { } expires ? Parse(expires) : null,
            Text("revokedAt") is { } revoked ? Parse(revoked) : null);
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
