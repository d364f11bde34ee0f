using Graph.Domain;
using Graph.Reliability.Tests.Support;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;

namespace Graph.Reliability.Tests;

/// <summary>A full disk or a read-only file system makes the SQLite store fail with a clear error, never corrupt what it holds.</summary>
public sealed class StoreFaultTests : IDisposable
{
    private readonly TmpfsMount _disk = new(sizeKiB: 4096);

    public void Dispose() => _disk.Dispose();

    private string Database => Path.Combine(_disk.Path, "graph.db");

    [Fact]
    public async Task Apply_DiskFull_FailsNamingStoreAndReason_KeepsCommittedData_AndRecoversWhenSpaceIsFreed()
    {
        await using var store = new SqliteGraphStore(Database);
        await store.EnsureSchemaAsync(CancellationToken.None);
        var committed = new List<ChangeSet>();
        for (var i = 0; i < 3; i++)
            committed.Add(await CommitAsync(store, Batch(200)));
        var filler = _disk.Fill();

        var failure = await Assert.ThrowsAsync<GraphStoreException>(() => store.ApplyAsync(Batch(3000), CancellationToken.None));
        Assert.Contains(Database, failure.Message, StringComparison.Ordinal);
        Assert.Contains("disk is full", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
        Assert.Equal("the disk is full", failure.Reason);
        Assert.Equal(3, await store.GetSequenceAsync(CancellationToken.None));

        File.Delete(filler);
        committed.Add(await CommitAsync(store, Batch(200)));
        await AssertHoldsExactlyAsync(committed);
    }

    [Fact]
    public async Task Store_OnReadOnlyFileSystem_ServesReads_RefusesWritesNamingStoreAndReason_AndKeepsCommittedData()
    {
        var committed = new List<ChangeSet>();
        await using (var writable = new SqliteGraphStore(Database))
        {
            await writable.EnsureSchemaAsync(CancellationToken.None);
            committed.Add(await CommitAsync(writable, Batch(200)));
            committed.Add(await CommitAsync(writable, Batch(200)));
        }

        // A volume mounted read-only (or remounted so after errors): files open for writing keep a mount from becoming read-only.
        _disk.Remount(readOnly: true);
        try
        {
            await using var store = new SqliteGraphStore(Database);
            await store.EnsureSchemaAsync(CancellationToken.None);
            var sink = new CollectingSink();
            Assert.Equal(2, await store.ReadAllAsync(sink, CancellationToken.None));
            Assert.Equal(400, sink.Nodes.Count);

            var failure = await Assert.ThrowsAsync<GraphStoreException>(() => store.ApplyAsync(Batch(10), CancellationToken.None));
            Assert.Contains(Database, failure.Message, StringComparison.Ordinal);
            Assert.Contains("read-only", failure.Message, StringComparison.Ordinal);
            Assert.Contains("read-only", failure.Reason, StringComparison.Ordinal);
            Assert.False(failure.IsTransient);
            Assert.Equal(2, await store.GetSequenceAsync(CancellationToken.None));
        }
        finally
        {
            _disk.Remount(readOnly: false);
        }

        await using (var writable = new SqliteGraphStore(Database))
            committed.Add(await CommitAsync(writable, Batch(10)));
        await AssertHoldsExactlyAsync(committed);
    }

    private static ChangeSet Batch(int patients)
    {
        var changes = new ChangeSet { Source = "fault-test" };
        for (var i = 0; i < patients; i++)
            changes.Add(NodeRecord.Of(GraphModel.Patient, $"SYN-F{Guid.NewGuid():N}", ("sex", "F"), ("ageAtDiagnosis", 40 + (i % 40))));
        return changes;
    }

    private static async Task<ChangeSet> CommitAsync(IGraphStore store, ChangeSet changes)
    {
        var result = await store.ApplyAsync(changes, CancellationToken.None);
        Assert.True(result.Changed);
        return changes;
    }

    private async Task AssertHoldsExactlyAsync(List<ChangeSet> committed)
    {
        Assert.Equal("ok", StoreInspection.IntegrityCheck(Database));
        Assert.Equal(0, StoreInspection.OrphanRows(Database));
        await using var reopened = new SqliteGraphStore(Database);
        var sink = new CollectingSink();
        Assert.Equal(committed.Count, await reopened.ReadAllAsync(sink, CancellationToken.None));
        var expected = committed.SelectMany(c => c.Nodes).Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        Assert.True(expected.SetEquals(sink.Nodes.Select(n => n.Node.Key)), "The store does not hold exactly the ChangeSets it acknowledged.");
    }
}
