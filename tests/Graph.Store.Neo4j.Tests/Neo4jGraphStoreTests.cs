using Graph.Domain;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

/// <summary>The store contract against the real Neo4j of GRAPH_TEST_NEO4J, plus what only Neo4j shows; scripts/test.sh runs these only when that variable is set, and then a missing server fails them.</summary>
[Trait("Category", "Neo4jServer")]
public sealed class Neo4jGraphStoreTests : GraphStoreContract, IDisposable
{
    private readonly HttpClient _http = new();

    private static Neo4jStoreOptions Options => Neo4jTestServer.Options ?? throw new InvalidOperationException(Neo4jTestServer.MissingReason);

    protected override async Task<IGraphStore> CreateStoreAsync()
    {
        await Neo4jTestServer.ResetAsync(_http, Options);
        return Open(Options.BatchSize);
    }

    public void Dispose() => _http.Dispose();

    private Neo4jGraphStore Open(int batchSize)
    {
        var options = Neo4jStoreOptions.FromUrl($"{Options.Uri}{Options.Database}");
        (options.User, options.Password, options.BatchSize) = (Options.User, Options.Password, batchSize);
        return new Neo4jGraphStore(_http, options, NullLogger<Neo4jGraphStore>.Instance, Neo4jTestServer.Retry);
    }

    [Fact]
    public async Task ReadAll_SmallPages_StreamsEveryNodeAndRelationship()
    {
        await using var store = Open(batchSize: 2);
        var study = Some.Study();
        var changes = new ChangeSet().Add(study);
        for (var i = 0; i < 25; i++)
        {
            var series = Some.Series();
            changes.Add(series).Add(Some.Edge("HAS_SERIES", study, series));
        }

        await store.ApplyAsync(changes, CancellationToken.None);
        var sink = new CollectingSink();
        await store.ReadAllAsync(sink, CancellationToken.None);

        Assert.Equal(26, sink.Nodes.Count);
        Assert.Equal(25, sink.Edges.Count);
        var feed = new CollectingSink();
        await store.ReadChangesAsync(0, feed, CancellationToken.None);
        Assert.Equal(25, feed.Edges.Count);
    }

    [Fact]
    public async Task Apply_TwoReplicasWriting_FollowerSeesEveryChangeOnce()
    {
        await using var other = Open(Options.BatchSize);
        var sets = Enumerable.Range(0, 6).Select(_ => new ChangeSet().Add(Some.Series())).ToArray();

        var results = await Task.WhenAll(sets.Select((s, i) => (i % 2 == 0 ? Store : other).ApplyAsync(s, CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), results.Select(r => r.Sequence).Order());
        var feed = new CollectingSink();
        Assert.Equal(6, await Store.ReadChangesAsync(0, feed, CancellationToken.None));
        Assert.Equal(6, feed.Nodes.Count);
    }

    [Fact]
    public async Task Apply_NodeGivenTwice_MergesInOrder()
    {
        var first = NodeRecord.Of(GraphModel.Series, "1.2.826.0.1.3680043.10.999.3.1", ("modality", "MR"), ("description", "AX T2"));
        var second = new NodeRecord("Series", first.Key, new Dictionary<string, object?> { ["bodyPart"] = "PROSTATE", ["description"] = null });

        var result = await Store.ApplyAsync(new ChangeSet().Add(first).Add(second), CancellationToken.None);

        Assert.Equal(2, result.NodesChanged);
        var all = new CollectingSink();
        await Store.ReadAllAsync(all, CancellationToken.None);
        var stored = Assert.Single(all.Nodes).Node;
        Assert.Equal("MR", stored["modality"]);
        Assert.Equal("PROSTATE", stored["bodyPart"]);
        Assert.False(stored.Properties.ContainsKey("description"));
    }

    [Fact]
    public async Task Apply_DeletedNodeGivenAgain_StartsFromItsNewProperties()
    {
        var series = Some.Series();
        await Store.ApplyAsync(new ChangeSet().Add(series), CancellationToken.None);
        var deletion = new ChangeSet();
        deletion.DeletedNodes.Add(series.Ref);
        await Store.ApplyAsync(deletion, CancellationToken.None);

        await Store.ApplyAsync(new ChangeSet().Add(NodeRecord.Of(GraphModel.Series, series.Key, ("modality", "CT"))), CancellationToken.None);

        var all = new CollectingSink();
        await Store.ReadAllAsync(all, CancellationToken.None);
        var stored = Assert.Single(all.Nodes).Node;
        Assert.Equal(["modality"], stored.Properties.Keys);
    }
}
