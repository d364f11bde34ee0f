using Graph.Store.Access;
using Graph.Store.Neo4j.Tests.Fakes;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

/// <summary>The access-store contract against the fake that carries out the adapter's Cypher, so every build checks what the adapter
/// sends and reads back (a new status included) without the real server that <see cref="Neo4jAccessStoreTests"/> needs.</summary>
public sealed class Neo4jAccessStoreOnFakeTests : AccessStoreContract, IDisposable
{
    private readonly FakeQueryApi _api = new();
    private readonly HttpClient _http;

    public Neo4jAccessStoreOnFakeTests()
    {
        _http = new HttpClient(_api);
        StoredNeo4j.Serve(_api);
    }

    protected override Task<IAccessStore> CreateStoreAsync() => Task.FromResult<IAccessStore>(Open());

    protected override Task<IAccessStore> OpenAgainAsync() => Task.FromResult<IAccessStore>(Open());

    public void Dispose() => _http.Dispose();

    private Neo4jAccessStore Open() => new(new Neo4jGraphStore(
        _http, new Neo4jStoreOptions { Uri = new Uri("http://neo4j.test:7474") }, NullLogger<Neo4jGraphStore>.Instance, new RetryPolicy { FirstDelay = TimeSpan.FromMilliseconds(1) }));
}
