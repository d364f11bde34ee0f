using Graph.Domain;
using Graph.Store.Neo4j.Tests.Fakes;
using Graph.Testing;

namespace Graph.Store.Neo4j.Tests;

/// <summary>Purging tombstones and reading the feed across a purge, as the adapter sends them.</summary>
public sealed partial class QueryApiExchangeTests
{
    private static string Horizon(long through, long erased) => QueryApiJson.Result(["through", "erased"], [QueryApiJson.Integer(through), QueryApiJson.Integer(erased)]);

    private static string Purged(long count) => QueryApiJson.Scalar("purged", QueryApiJson.Integer(count));

    private static long Long(RecordedRequest request, string name) => long.Parse(request.Parameter(name).GetProperty("_value").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task PurgeTombstones_RaisesTheHorizonFirst_ErasesWhatLiesBeyondTheLastErasureInBatches_ThenRecordsIt()
    {
        var series = Neo4jStatements.For(GraphModel.Series).Purge;
        _api.On(r => r.Runs(Neo4jStatements.RaisePurgeHorizon), () => Ok(Horizon(12, 5)), times: 1);
        _api.On(r => r.Runs(series), () => Ok(Purged(2)), times: 1);
        _api.On(r => r.Runs(series), () => Ok(Purged(1)), times: 1);
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Relations.First(k => k.Type == "HAS_SERIES")).Purge), () => Ok(Purged(1)), times: 1);
        _api.On(r => r.Runs(Neo4jStatements.RecordErased), () => Ok(QueryApiJson.Scalar("erased", QueryApiJson.Integer(12))), times: 1);
        _api.On(_ => true, () => Ok(Purged(0)));
        var before = new DateTimeOffset(2026, 11, 8, 2, 30, 0, TimeSpan.FromHours(1));

        var result = await Store(o => o.BatchSize = 2).PurgeTombstonesAsync(before, CancellationToken.None);

        Assert.Equal(new PurgeResult(12, 3, 1), result);
        Assert.True(_api.Requests[0].Runs(Neo4jStatements.RaisePurgeHorizon));
        Assert.Equal("2026-11-08T01:30:00.0000000Z", _api.Requests[0].Parameter("before").GetProperty("_value").GetString());
        Assert.True(_api.Requests[^1].Runs(Neo4jStatements.RecordErased));
        Assert.Equal(12, Long(_api.Requests[^1], "through"));
        var batches = _api.Requests.Skip(1).SkipLast(1).ToList();
        Assert.All(batches, r => Assert.Equal((5, 12, 2), (Long(r, "after"), Long(r, "through"), Long(r, "limit"))));
        Assert.Equal(2, batches.Count(r => r.Runs(series)));
        Assert.Equal(GraphModel.Relations.Count + GraphModel.NodeKinds.Count + 1, batches.Count);

        // Relationship tombstones go before node tombstones: a node is never erased while a relationship of it is kept.
        Assert.All(batches.Take(GraphModel.Relations.Count), r => Assert.StartsWith("MATCH (:", r.Statement, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PurgeTombstones_ManyChanges_ErasesAWindowAtATime_RecordingEach()
    {
        _api.On(r => r.Runs(Neo4jStatements.RaisePurgeHorizon), () => Ok(Horizon(600, 0)), times: 1);
        _api.On(_ => true, () => Ok(Purged(0)));

        await Store().PurgeTombstonesAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        // An interrupted purge resumes after the last window recorded; each batch reads the changes of one window only.
        Assert.Equal([256L, 512L, 600L], _api.Requests.Where(r => r.Runs(Neo4jStatements.RecordErased)).Select(r => Long(r, "through")));
        var windows = _api.Requests.Where(r => r.Statement?.Contains("$after", StringComparison.Ordinal) == true).Select(r => (Long(r, "after"), Long(r, "through"))).Distinct();
        Assert.Equal([(0L, 256L), (256L, 512L), (512L, 600L)], windows);
    }

    [Fact]
    public async Task PurgeTombstones_NothingBeyondTheLastErasure_SendsOnlyTheHorizon()
    {
        _api.Next(() => Ok(Horizon(5, 5)));

        Assert.Equal(new PurgeResult(5, 0, 0), await Store().PurgeTombstonesAsync(DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task ReadChanges_FromBeforeThePurgeHorizon_ThrowsWithoutReadingAPage()
    {
        _api.On(r => r.Runs(Neo4jStatements.ReadSequence), () => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(9))));
        _api.On(r => r.Runs(Neo4jStatements.ReadPurgeHorizon), () => Ok(QueryApiJson.Scalar("through", QueryApiJson.Integer(8))));

        var error = await Assert.ThrowsAsync<ChangesPurgedException>(() => Store().ReadChangesAsync(7, new CollectingSink(), CancellationToken.None));

        Assert.Equal((7, 8), (error.AfterSequence, error.PurgedThrough));
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task ReadChanges_APurgeBeganWhileThePagesWereRead_Throws()
    {
        // Neo4j reads without a snapshot: a tombstone erased after its page was passed would be missed, so the horizon is read again.
        _api.On(r => r.Runs(Neo4jStatements.ReadSequence), () => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(9))));
        _api.On(r => r.Runs(Neo4jStatements.ReadPurgeHorizon), () => Ok(QueryApiJson.Scalar("through", QueryApiJson.Integer(0))), times: 1);
        _api.On(r => r.Runs(Neo4jStatements.ReadPurgeHorizon), () => Ok(QueryApiJson.Scalar("through", QueryApiJson.Integer(8))));
        _api.On(_ => true, () => Ok(QueryApiJson.Result(["key", "props", "seq", "deleted"])));

        var error = await Assert.ThrowsAsync<ChangesPurgedException>(() => Store().ReadChangesAsync(7, new CollectingSink(), CancellationToken.None));

        Assert.Equal(8, error.PurgedThrough);
        Assert.True(_api.Requests[^1].Runs(Neo4jStatements.ReadPurgeHorizon));
        Assert.Contains(_api.Requests, r => r.Runs(Neo4jStatements.For(GraphModel.Series).ReadChangesPage));
    }
}
