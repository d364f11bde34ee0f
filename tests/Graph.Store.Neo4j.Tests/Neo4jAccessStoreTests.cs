using Graph.Store.Access;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

/// <summary>The access-store contract against the real Neo4j of GRAPH_TEST_NEO4J; scripts/test.sh runs these only when that variable is set.</summary>
[Trait("Category", "Neo4jServer")]
public sealed class Neo4jAccessStoreTests : AccessStoreContract, IDisposable
{
    private readonly HttpClient _http = new();

    private static Neo4jStoreOptions Options => Neo4jTestServer.Options ?? throw new InvalidOperationException(Neo4jTestServer.MissingReason);

    protected override async Task<IAccessStore> CreateStoreAsync()
    {
        await Neo4jTestServer.ResetAsync(_http, Options);
        var graph = Open();
        await graph.EnsureSchemaAsync(CancellationToken.None);
        return new Neo4jAccessStore(graph);
    }

    protected override Task<IAccessStore> OpenAgainAsync() => Task.FromResult<IAccessStore>(new Neo4jAccessStore(Open()));

    public void Dispose() => _http.Dispose();

    private Neo4jGraphStore Open() => new(_http, Options, NullLogger<Neo4jGraphStore>.Instance, Neo4jTestServer.Retry);
}
