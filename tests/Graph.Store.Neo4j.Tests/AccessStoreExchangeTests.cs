using System.Net;
using Graph.Store.Access;
using Graph.Store.Neo4j.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

/// <summary>The API keys' exchange with the Query API: what goes out byte for byte, and documented answers read back.</summary>
public sealed class AccessStoreExchangeTests : IDisposable
{
    private readonly FakeQueryApi _api = new();
    private readonly HttpClient _http;

    public AccessStoreExchangeTests() => _http = new HttpClient(_api);

    public void Dispose() => _http.Dispose();

    private Neo4jAccessStore Store() => new(new Neo4jGraphStore(
        _http, new Neo4jStoreOptions { Uri = new Uri("http://neo4j.test:7474") }, NullLogger<Neo4jGraphStore>.Instance, new RetryPolicy { FirstDelay = TimeSpan.FromMilliseconds(1) }));

    private static HttpResponseMessage Ok(string json) => FakeQueryApi.Json(HttpStatusCode.Accepted, json);

    [Fact]
    public async Task Add_SendsTheHashNeverTheSecret()
    {
        _api.Next(() => Ok(QueryApiJson.Scalar("added", QueryApiJson.Boolean(true))));
        var key = new ApiKey("0a1b2c3d4e5f", "researcher", "ana", ["lung-ct"], new DateTimeOffset(2026, 1, 2, 3, 4, 5, 6, TimeSpan.Zero), null, null);

        Assert.True(await Store().AddAsync(key, [0xAB, 0xCD], CancellationToken.None));

        var expected = QueryApiJson.Compact("""
            {"statement": STATEMENT,
             "parameters": {
               "id": {"$type": "String", "_value": "0a1b2c3d4e5f"},
               "hash": {"$type": "String", "_value": "abcd"},
               "role": {"$type": "String", "_value": "researcher"},
               "owner": {"$type": "String", "_value": "ana"},
               "grants": {"$type": "List", "_value": [{"$type": "String", "_value": "lung-ct"}]},
               "createdAt": {"$type": "String", "_value": "2026-01-02T03:04:05.006Z"},
               "expiresAt": {"$type": "Null", "_value": null}}}
            """).Replace("STATEMENT", QueryApiJson.Text(Neo4jAccessStatements.Add.Text), StringComparison.Ordinal);
        Assert.Equal(expected, Assert.Single(_api.Requests).Body);
        Assert.Equal("/db/neo4j/query/v2", _api.Requests[0].Path);
    }

    [Fact]
    public async Task Find_DocumentedTypedRow_ReadsTheKeyAndItsHash()
    {
        _api.Next(() => Ok(QueryApiJson.Result(
            ["id", "role", "owner", "grants", "createdAt", "expiresAt", "revokedAt", "hash"],
            [
                QueryApiJson.String("0a1b2c3d4e5f"), QueryApiJson.String("curator"), QueryApiJson.String("ops"),
                QueryApiJson.List(QueryApiJson.String("a"), QueryApiJson.String("b")), QueryApiJson.String("2026-01-02T03:04:05.006Z"),
                QueryApiJson.String("2027-06-30T00:00:00.000Z"), QueryApiJson.Null, QueryApiJson.String("abcd"),
            ])));

        var stored = await Store().FindAsync("0a1b2c3d4e5f", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(("curator", "ops", "a b"), (stored.Key.Role, stored.Key.Owner, string.Join(' ', stored.Key.Grants)));
        Assert.Equal(new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero), stored.Key.ExpiresAt);
        Assert.Null(stored.Key.RevokedAt);
        Assert.Equal([0xAB, 0xCD], stored.SecretHash);
    }

    [Fact]
    public async Task Revoke_NoSuchKey_IsFalse()
    {
        _api.Next(() => Ok(QueryApiJson.Result(["id"])));

        Assert.False(await Store().RevokeAsync("000000000000", DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.Equal(
            QueryApiJson.Compact("""
                {"statement": STATEMENT,
                 "parameters": {"id": {"$type": "String", "_value": "000000000000"}, "now": {"$type": "String", "_value": "1970-01-01T00:00:00.000Z"}}}
                """).Replace("STATEMENT", QueryApiJson.Text(Neo4jAccessStatements.Revoke.Text), StringComparison.Ordinal),
            _api.Requests[0].Body);
    }

    [Fact]
    public async Task ReplaceRequest_SendsTheExpectedVersion_AndFindReadsTheBodyBack()
    {
        var created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 6, TimeSpan.Zero);
        var request = new AccessRequest("ar_0a1b2c3d4e5f", "key:0a1b2c3d4e5f", ["lung-ct"], null, "Detect nodules", "LUNA", AccessRequestStatus.Approved, created.AddDays(30), 2,
            [new AccessRequestEvent(created, "key:0a1b2c3d4e5f", "submit", AccessRequestStatus.Submitted, "Detect nodules"), new AccessRequestEvent(created, "key:c", "approve", AccessRequestStatus.Approved, null)]);
        _api.Next(() => Ok(QueryApiJson.Scalar("id", QueryApiJson.String(request.Id))));
        _api.Next(() => Ok(QueryApiJson.Scalar("body", QueryApiJson.String(AccessRequestJson.Write(request)))));

        Assert.True(await Store().ReplaceRequestAsync(request, 1, CancellationToken.None));
        var found = await Store().FindRequestAsync(request.Id, CancellationToken.None);

        Assert.Contains(QueryApiJson.Compact("""{"expected": {"$type": "Integer", "_value": "1"}}""")[1..^1], _api.Requests[0].Body!, StringComparison.Ordinal);
        Assert.Equal((AccessRequestStatus.Approved, created.AddDays(30), 2, "approve"), (found!.Status, found.GrantExpiresAt, found.Version, found.History[1].Action));
    }
}
