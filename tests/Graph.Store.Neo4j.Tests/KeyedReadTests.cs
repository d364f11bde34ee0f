using Graph.Domain;
using Graph.Store.Neo4j.Tests.Fakes;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

/// <summary>A keyed scoped read through the adapter, against the fake that carries out its Cypher: the store contract's case
/// (which runs on a real server only when GRAPH_TEST_NEO4J names one), and that it reads by key, never page by page.</summary>
public sealed class KeyedReadTests : IDisposable
{
    private readonly FakeQueryApi _api = new();
    private readonly HttpClient _http;

    public KeyedReadTests()
    {
        _http = new HttpClient(_api);
        StoredNeo4j.Serve(_api);
    }

    public void Dispose() => _http.Dispose();

    private Neo4jGraphStore Store(int batchSize) => new(
        _http,
        new Neo4jStoreOptions { Uri = new Uri("http://neo4j.test:7474"), BatchSize = batchSize },
        NullLogger<Neo4jGraphStore>.Instance,
        new RetryPolicy { FirstDelay = TimeSpan.FromMilliseconds(1) });

    [Fact]
    public async Task ReadScope_Keys_GivesOnlyTheNodesOfThoseKeys_AndTheRelationshipsEndingAtThem()
    {
        await using var store = Store(batchSize: 500);
        var scenario = await KeyedReadScenario.ApplyAsync(store);
        _api.Requests.Clear();

        await scenario.ReadAndCheckAsync(store);

        // 1,204 keys in pages of 500: three statements per label and per relationship kind, none of them a page of every node.
        var sent = _api.Requests.Where(r => r.Statement is not null).Select(r => Neo4jStatements.All.Single(s => r.Runs(s)).Name).ToList();
        Assert.DoesNotContain(sent, name => name.StartsWith("ReadNodes:", StringComparison.Ordinal) || name.StartsWith("ReadEdges:", StringComparison.Ordinal));
        Assert.Equal(3, sent.Count(name => name == "ReadNodesByKey:Study"));
        Assert.Equal(3, sent.Count(name => name == $"ReadEdgesByEnd:{GraphModel.Relations.Single(r => r.Type == "HAS_SERIES").Id}"));
    }
}
