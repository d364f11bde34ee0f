using Graph.Domain;
using Graph.Store;
using Xunit;

namespace Graph.Testing;

partial class GraphStoreContract
{
    [Fact]
    public async Task Purge_ErasesTheTombstonesCommittedBefore_KeepsLaterOnesLiveRowsAndTheSequence()
    {
        await Store.ApplyAsync(OnePatient(out _, out var study, out _), CancellationToken.None);
        var withdrawn = await DeleteAsync(study.Ref);
        var cut = await PauseAsync();
        var later = Some.Series();
        await Store.ApplyAsync(new ChangeSet().Add(later), CancellationToken.None);
        var head = await DeleteAsync(later.Ref);
        var live = await ReadAllAsync();

        var purge = await Store.PurgeTombstonesAsync(cut, CancellationToken.None);

        Assert.Equal(new PurgeResult(withdrawn, 1, 2), purge);
        Assert.Equal(head, await Store.GetSequenceAsync(CancellationToken.None));
        Assert.Equal(Keys(live), Keys(await ReadAllAsync()));
        var feed = new CollectingSink();
        Assert.Equal(head, await Store.ReadChangesAsync(withdrawn, feed, CancellationToken.None));
        Assert.Equal(later.Key, Assert.Single(feed.Nodes, n => n.Deleted).Node.Key);
        Assert.Equal(new PurgeResult(withdrawn, 0, 0), await Store.PurgeTombstonesAsync(cut, CancellationToken.None));
    }

    [Fact]
    public async Task Purge_ReaderFromBeforeTheHorizon_IsToldInsteadOfMissingTheDeletion()
    {
        await Store.ApplyAsync(OnePatient(out _, out var study, out _), CancellationToken.None);
        var withdrawn = await DeleteAsync(study.Ref);
        await Store.PurgeTombstonesAsync(await PauseAsync(), CancellationToken.None);

        // A follower at change 1 would otherwise read an empty feed and keep the withdrawn study for good.
        var error = await Assert.ThrowsAsync<ChangesPurgedException>(() => Store.ReadChangesAsync(1, new CollectingSink(), CancellationToken.None));

        Assert.Equal((1, withdrawn), (error.AfterSequence, error.PurgedThrough));
        Assert.Equal(withdrawn, await Store.ReadChangesAsync(withdrawn, new CollectingSink(), CancellationToken.None));
    }

    [Fact]
    public async Task Purge_AKeyWhoseTombstoneWasErased_CanBeWrittenAgain()
    {
        await Store.ApplyAsync(OnePatient(out var patient, out var study, out _), CancellationToken.None);
        var withdrawn = await DeleteAsync(study.Ref);
        await Store.PurgeTombstonesAsync(await PauseAsync(), CancellationToken.None);

        var again = await Store.ApplyAsync(new ChangeSet().Add(study).Add(Some.Edge("HAS_STUDY", patient, study)), CancellationToken.None);

        Assert.Equal((1, 1), (again.NodesChanged, again.EdgesChanged));
        var feed = new CollectingSink();
        await Store.ReadChangesAsync(withdrawn, feed, CancellationToken.None);
        Assert.False(Assert.Single(feed.Nodes).Deleted);
        Assert.Contains((await ReadAllAsync()).Edges, e => e.Edge.Type == "HAS_STUDY" && e.Edge.To.Key == study.Key);
    }

    [Fact]
    public async Task Purge_NothingCommittedBeforeTheTime_ChangesNothing()
    {
        var before = DateTimeOffset.UtcNow.AddDays(-1);
        await Store.ApplyAsync(OnePatient(out _, out var study, out _), CancellationToken.None);
        await DeleteAsync(study.Ref);

        Assert.Equal(new PurgeResult(0, 0, 0), await Store.PurgeTombstonesAsync(before, CancellationToken.None));
        var feed = new CollectingSink();
        await Store.ReadChangesAsync(0, feed, CancellationToken.None);
        Assert.Contains(feed.Nodes, n => n.Deleted && n.Node.Key == study.Key);
    }

    private async Task<long> DeleteAsync(NodeRef node)
    {
        var deletion = new ChangeSet();
        deletion.DeletedNodes.Add(node);
        return (await Store.ApplyAsync(deletion, CancellationToken.None)).Sequence;
    }

    // A time strictly after every commit so far and before every later one.
    private static async Task<DateTimeOffset> PauseAsync()
    {
        await Task.Delay(20);
        var cut = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        return cut;
    }

    private static List<string> Keys(CollectingSink sink) =>
        [.. sink.Nodes.Select(n => $"{n.Node.Label}:{n.Node.Key}").Concat(sink.Edges.Select(e => $"{e.Edge.Type}:{e.Edge.From.Key}>{e.Edge.To.Key}")).Order(StringComparer.Ordinal)];
}
