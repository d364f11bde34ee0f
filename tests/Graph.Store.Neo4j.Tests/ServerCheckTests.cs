using System.Net;
using Graph.Store.Neo4j.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

/// <summary>The store refuses, at start, a server it cannot work with, saying what to change.</summary>
public sealed class ServerCheckTests : IDisposable
{
    private readonly FakeQueryApi _api = new();
    private readonly HttpClient _http;

    public ServerCheckTests() => _http = new HttpClient(_api);

    public void Dispose() => _http.Dispose();

    private Neo4jGraphStore Store() => new(
        _http,
        new Neo4jStoreOptions { Uri = new Uri("http://neo4j.test:7474"), User = "neo4j", Password = "verysecret" },
        NullLogger<Neo4jGraphStore>.Instance,
        new RetryPolicy { FirstDelay = TimeSpan.FromMilliseconds(1) });

    [Theory]
    [InlineData("5.19.0")]
    [InlineData("5.25.1")]
    public async Task EnsureSchema_ServerOlderThan526_RefusesBeforeAnySchemaStatement(string version)
    {
        _api.On(r => r.Runs(Neo4jServerCheck.Components), () => FakeQueryApi.Json(HttpStatusCode.Accepted, QueryApiJson.Components(version)));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().EnsureSchemaAsync(CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains($"is version {version} (community edition); this service needs Neo4j 5.26 or later", error.Message, StringComparison.Ordinal);
        Assert.Contains("explicit transactions", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task EnsureSchema_QueryApiDisabled_SaysWhichModuleToEnable()
    {
        // A 5.26 server with QUERY_API_ENDPOINTS left out of server.http_enabled_modules: no route at /db/neo4j/query/v2.
        _api.On(r => r.Path == "/db/neo4j/query/v2", () => new HttpResponseMessage(HttpStatusCode.NotFound));
        _api.On(r => r.Method == HttpMethod.Get && r.Path == "/", () => FakeQueryApi.Json(HttpStatusCode.OK, QueryApiJson.Discovery("5.26.0")));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().EnsureSchemaAsync(CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal(
            "Neo4j 5.26.0 at http://neo4j.test:7474 answers HTTP 404 at http://neo4j.test:7474/db/neo4j/query/v2: its Query API is not enabled. "
            + "Add QUERY_API_ENDPOINTS to server.http_enabled_modules (Docker: NEO4J_server_http__enabled__modules=TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,BROWSER,QUERY_API_ENDPOINTS) and restart it.",
            error.Message);
        Assert.Equal(["POST /db/neo4j/query/v2", "GET /"], _api.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task EnsureSchema_OldServerWithoutQueryApi_SaysUpgrade()
    {
        // The discovery document of the documentation's example: Neo4j 5.19.0.
        _api.On(r => r.Path == "/db/neo4j/query/v2", () => new HttpResponseMessage(HttpStatusCode.NotFound));
        _api.On(r => r.Method == HttpMethod.Get && r.Path == "/", () => FakeQueryApi.Json(HttpStatusCode.OK, QueryApiJson.Discovery()));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().EnsureSchemaAsync(CancellationToken.None));

        Assert.StartsWith("Neo4j 5.19.0 at http://neo4j.test:7474 has no usable Query API", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs Neo4j 5.26 or later", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureSchema_NotNeo4jAtAll_SaysWhereToPoint()
    {
        _api.On(_ => true, () => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<html>Not Found</html>") });

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().EnsureSchemaAsync(CancellationToken.None));

        Assert.Contains("gives no Neo4j discovery document: point Graph:Neo4j:Uri at a Neo4j 5.26+ server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureSchema_WrongPassword_IsRefusedWithTheDocumentedError()
    {
        _api.On(_ => true, () => FakeQueryApi.Json(HttpStatusCode.Unauthorized, QueryApiJson.Unauthorized));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().EnsureSchemaAsync(CancellationToken.None));

        Assert.Contains("refused the credentials of user 'neo4j' (Neo.ClientError.Security.Unauthorized: Invalid username or password.)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("verysecret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5.26.0", true)]
    [InlineData("5.27-aura", true)]
    [InlineData("2025.03.0", true)]
    [InlineData("5.25.1", false)]
    [InlineData("4.4.30", false)]
    [InlineData("garbage", false)]
    public void IsSupported_Versions(string version, bool supported) => Assert.Equal(supported, Neo4jServerCheck.IsSupported(version));
}
