using Graph.Store.Access;

namespace Graph.Store.Sqlite.Access;

/// <summary>Access requests: one row each, the request as JSON with its requester and version beside it for look-ups and compare-and-set.</summary>
public sealed partial class SqliteAccessStore
{
    /// <inheritdoc />
    public Task<bool> AddRequestAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Guard(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO access_requests(id, requester, version, created_at, body) VALUES ($id, $requester, $version, $created, $body)
                ON CONFLICT (id) DO NOTHING
                """;
            command.Parameters.AddWithValue("$id", request.Id);
            command.Parameters.AddWithValue("$requester", request.Requester);
            command.Parameters.AddWithValue("$version", request.Version);
            command.Parameters.AddWithValue("$created", Format(request.CreatedAt));
            command.Parameters.AddWithValue("$body", AccessRequestJson.Write(request));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        });
    }

    /// <inheritdoc />
    public Task<AccessRequest?> FindRequestAsync(string id, CancellationToken cancellationToken) => Guard(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM access_requests WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body ? AccessRequestJson.Read(body) : null;
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<AccessRequest>> ListRequestsAsync(string? requester, CancellationToken cancellationToken) => Guard<IReadOnlyList<AccessRequest>>(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM access_requests WHERE $requester IS NULL OR requester = $requester ORDER BY created_at DESC, id";
        command.Parameters.AddWithValue("$requester", (object?)requester ?? DBNull.Value);
        var requests = new List<AccessRequest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            requests.Add(AccessRequestJson.Read(reader.GetString(0)));
        return requests;
    });

    /// <inheritdoc />
    public Task<bool> ReplaceRequestAsync(AccessRequest request, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Guard(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE access_requests SET version = $version, body = $body WHERE id = $id AND version = $expected";
            command.Parameters.AddWithValue("$id", request.Id);
            command.Parameters.AddWithValue("$version", request.Version);
            command.Parameters.AddWithValue("$expected", expectedVersion);
            command.Parameters.AddWithValue("$body", AccessRequestJson.Write(request));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        });
    }
}
