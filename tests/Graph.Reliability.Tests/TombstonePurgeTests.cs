using Graph.Catalog;
using Graph.Domain;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Reliability.Tests;

/// <summary>Tombstones of old deletions are erased (their keys leave the store), and no reader of the change feed is left showing
/// what a purged deletion removed.</summary>
public sealed class TombstonePurgeTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Follower_FallenBehindAPurge_ReadsTheWholeStoreAgain_AndNoLongerShowsWhatWasDeleted()
    {
        var (store, writer, patients) = await OpenAsync();
        await using var _ = store;
        var follower = new CatalogIndex(store, NullLogger<CatalogIndex>.Instance);
        await follower.LoadAsync(CancellationToken.None);

        // Another replica withdraws a patient and adds one; then the deletion's tombstone is purged before this one follows.
        var withdrawal = new ChangeSet { Source = "other replica" }.Add(Some.Patient("P-NEW"));
        withdrawal.DeletedNodes.Add(patients[3].Ref);
        await writer.WriteAsync(withdrawal, CancellationToken.None);
        await store.PurgeTombstonesAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);

        await follower.CatchUpAsync(CancellationToken.None);

        var snapshot = follower.Current;
        Assert.Null(snapshot.Find(GraphModel.Patient, patients[3].Key));
        Assert.NotNull(snapshot.Find(GraphModel.Patient, "P-NEW"));
        Assert.Equal(patients.Count, snapshot.Count(GraphModel.Patient));
    }

    [Fact]
    public async Task Follower_AheadOfThePurge_GoesOnReadingOnlyTheChanges()
    {
        var (store, writer, patients) = await OpenAsync();
        await using var _ = store;
        var withdrawal = new ChangeSet();
        withdrawal.DeletedNodes.Add(patients[3].Ref);
        await writer.WriteAsync(withdrawal, CancellationToken.None);
        var follower = new CatalogIndex(store, NullLogger<CatalogIndex>.Instance);
        await follower.LoadAsync(CancellationToken.None);
        await store.PurgeTombstonesAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
        await writer.WriteAsync(new ChangeSet().Add(Some.Patient("P-NEW")), CancellationToken.None);

        Assert.Equal(1, await follower.CatchUpAsync(CancellationToken.None));
        Assert.NotNull(follower.Current.Find(GraphModel.Patient, "P-NEW"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Follower_CommitsPurgesAndReadsInAnyOrder_EndsWithWhatWasCommitted(int seed)
    {
        var (store, writer, patients) = await OpenAsync();
        await using var _ = store;
        var follower = new CatalogIndex(store, NullLogger<CatalogIndex>.Instance);
        await follower.LoadAsync(CancellationToken.None);
        var live = new List<string>();
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random(seed);

        // Each round commits four series and deletes two of those committed before, then purges every change so far or not, and
        // has the follower read the feed or not: it is now behind a purged deletion of a series it holds, now not.
        for (var round = 0; round < 120; round++)
        {
            var changes = new ChangeSet();
            for (var i = 0; i < 4; i++)
            {
                var series = Some.Series();
                changes.Add(series);
                live.Add(series.Key);
            }

            for (var i = 0; i < Math.Min(2, live.Count - 4); i++)
            {
                var key = live[random.Next(live.Count - 4)];
                changes.DeletedNodes.Add(new NodeRef(GraphModel.Series.Label, key));
                live.Remove(key);
                deleted.Add(key);
            }

            await writer.WriteAsync(changes, CancellationToken.None);
            if (random.Next(3) == 0)
                await store.PurgeTombstonesAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);
            if (random.Next(4) == 0)
                await follower.CatchUpAsync(CancellationToken.None);
        }

        await follower.CatchUpAsync(CancellationToken.None);

        var snapshot = follower.Current;
        Assert.Equal(live.Count, snapshot.Count(GraphModel.Series));
        Assert.All(live, key => Assert.NotNull(snapshot.Find(GraphModel.Series, key)));
        Assert.All(deleted, key => Assert.Null(snapshot.Find(GraphModel.Series, key)));
        Assert.Equal(patients.Count, snapshot.Count(GraphModel.Patient));
    }

    [Fact]
    public async Task Service_ErasesTheTombstonesOlderThanItsRetention_AndTheDeletedCohortsIdLeavesTheStore()
    {
        string cohort;
        await using (var service = await ServiceProcess.StartAsync(_data.Path, 60, "--Graph:PurgeTombstonesAfterDays", "0.00002"))
        {
            cohort = (string)(await service.DataAsync("""mutation { saveCohort(input: { name: "to be deleted", criteria: {} }) { cohortId } }"""))["saveCohort"]!["cohortId"]!;
            await service.DataAsync($$"""mutation { deleteCohort(id: "{{cohort}}") }""");
            await service.StopAsync();
        }

        Assert.True(await StoreFiles.HoldAsync(_data.Path, cohort), "the deleted cohort's tombstone should hold its id until it is purged");

        // The retention (1.7 s) has passed: the next start erases the tombstone beside the requests.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await using (var service = await ServiceProcess.StartAsync(_data.Path, 60, "--Graph:PurgeTombstonesAfterDays", "0.00002"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!service.FullLog.Contains("relationship tombstones of deletions older than", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
                await Task.Delay(100);
            Assert.Matches(@"Erased 1 node and [1-9]\d* relationship tombstones", service.FullLog);
            await service.StopAsync();
        }

        Assert.False(await StoreFiles.HoldAsync(_data.Path, cohort), "the purged cohort id is still in the store's file");
    }

    private async Task<(SqliteGraphStore Store, GraphWriter Writer, List<NodeRecord> Patients)> OpenAsync()
    {
        var store = new SqliteGraphStore(_data.File("graph.db"));
        await store.EnsureSchemaAsync(CancellationToken.None);
        var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
        var patients = Enumerable.Range(0, 20).Select(i => Some.Patient($"P-{i:D3}")).ToList();
        var changes = new ChangeSet();
        foreach (var patient in patients)
            changes.Add(patient);
        await writer.WriteAsync(changes, CancellationToken.None);
        return (store, writer, patients);
    }
}
