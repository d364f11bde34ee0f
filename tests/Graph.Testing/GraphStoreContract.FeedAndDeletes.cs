using Graph.Store;
using Xunit;

namespace Graph.Testing;

partial class GraphStoreContract
{
    [Fact]
    public async Task ReadChanges_AfterSequence_ReturnsOnlyLaterChanges()
    {
        await Store.ApplyAsync(OnePatient(out _, out _, out _), CancellationToken.None);
        var later = Some.Series();
        await Store.ApplyAsync(new ChangeSet().Add(later), CancellationToken.None);

        var sink = new CollectingSink();
        var head = await Store.ReadChangesAsync(1, sink, CancellationToken.None);

        Assert.Equal(2, head);
        Assert.Equal(later.Key, Assert.Single(sink.Nodes).Node.Key);
        Assert.Empty(sink.Edges);
    }

    [Fact]
    public async Task DeleteNode_RemovesNodeAndItsRelationships_AndFeedReportsBoth()
    {
        await Store.ApplyAsync(OnePatient(out _, out var study, out _), CancellationToken.None);
        var deletion = new ChangeSet();
        deletion.DeletedNodes.Add(study.Ref);

        var result = await Store.ApplyAsync(deletion, CancellationToken.None);

        Assert.Equal(1, result.NodesChanged);
        Assert.Equal(2, result.EdgesChanged);
        var all = await ReadAllAsync();
        Assert.DoesNotContain(all.Nodes, n => n.Node.Key == study.Key);
        Assert.Single(all.Edges);
        var feed = new CollectingSink();
        await Store.ReadChangesAsync(1, feed, CancellationToken.None);
        Assert.True(Assert.Single(feed.Nodes).Deleted);
        Assert.Equal(2, feed.Edges.Count(e => e.Deleted));
    }

    [Fact]
    public async Task DeleteNode_TombstonesKeepNoProperty_WhatWasDeletedIsErased()
    {
        // A withdrawn study (its patient's consent withdrawn, say) had kept every property in its tombstone, for good.
        await Store.ApplyAsync(OnePatient(out _, out var study, out _), CancellationToken.None);
        var deletion = new ChangeSet();
        deletion.DeletedNodes.Add(study.Ref);
        var head = (await Store.ApplyAsync(deletion, CancellationToken.None)).Sequence;

        var feed = new CollectingSink();
        await Store.ReadChangesAsync(head - 1, feed, CancellationToken.None);

        var tombstone = Assert.Single(feed.Nodes);
        Assert.True(tombstone.Deleted);
        Assert.Equal(study.Key, tombstone.Node.Key);
        Assert.Empty(tombstone.Node.Properties);
        Assert.Equal(2, feed.Edges.Count);
        Assert.All(feed.Edges, e => Assert.True(e.Deleted && e.Edge.Properties.Count == 0));
    }

    [Fact]
    public async Task ReadAll_Scoped_ReturnsOnlyLiveNodesOfTheLabelsAndRelationshipsOfTheTypes()
    {
        await Store.ApplyAsync(OnePatient(out var patient, out var study, out _), CancellationToken.None);
        var second = Some.Study();
        await Store.ApplyAsync(new ChangeSet().Add(second).Add(Some.Edge("HAS_STUDY", patient, second)), CancellationToken.None);
        var deletion = new ChangeSet();
        deletion.DeletedNodes.Add(study.Ref);
        var head = (await Store.ApplyAsync(deletion, CancellationToken.None)).Sequence;

        var sink = new CollectingSink();
        var sequence = await Store.ReadAllAsync(sink, new ReadScope(["Study", "Dataset"], ["HAS_STUDY"]), CancellationToken.None);

        Assert.Equal(head, sequence);
        var all = await ReadAllAsync();
        Assert.Equal(
            all.Nodes.Where(n => n.Node.Label is "Study" or "Dataset").Select(n => n.Node.Key).Order(StringComparer.Ordinal),
            sink.Nodes.Select(n => n.Node.Key).Order(StringComparer.Ordinal));
        Assert.Equal([second.Key], sink.Nodes.Where(n => n.Node.Label == "Study").Select(n => n.Node.Key));
        Assert.Equal([(patient.Key, second.Key)], sink.Edges.Select(e => (e.Edge.From.Key, e.Edge.To.Key)));
        Assert.All(sink.Nodes, n => Assert.False(n.Deleted));

        var nothing = new CollectingSink();
        await Store.ReadAllAsync(nothing, ReadScope.Nodes(), CancellationToken.None);
        Assert.Empty(nothing.Nodes);
        Assert.Empty(nothing.Edges);
    }

    [Fact]
    public async Task DeleteEdge_RemovesOnlyThatRelationship()
    {
        await Store.ApplyAsync(OnePatient(out var patient, out var study, out _), CancellationToken.None);
        var deletion = new ChangeSet();
        deletion.DeletedEdges.Add(Some.Edge("HAS_STUDY", patient, study));

        await Store.ApplyAsync(deletion, CancellationToken.None);

        var all = await ReadAllAsync();
        Assert.Equal(4, all.Nodes.Count);
        Assert.DoesNotContain(all.Edges, e => e.Edge.Type == "HAS_STUDY");
    }

    [Fact]
    public async Task ReadScope_KeysOnly_GivesThoseNodesWithoutProperties_AndTheOthersWhole()
    {
        await Store.ApplyAsync(OnePatient(out var patient, out var study, out _), CancellationToken.None);
        var sink = new CollectingSink();

        await Store.ReadAllAsync(sink, new ReadScope(["Patient", "Study"], ["HAS_STUDY"]) { KeysOnly = ["Patient"] }, CancellationToken.None);

        var read = sink.Nodes.ToDictionary(n => n.Node.Label, n => n.Node);
        Assert.Equal(patient.Key, read["Patient"].Key);
        Assert.Empty(read["Patient"].Properties);
        Assert.Equal(2020L, read["Study"].Properties["year"]);
        Assert.Equal([(patient.Key, study.Key)], sink.Edges.Select(e => (e.Edge.From.Key, e.Edge.To.Key)));
    }

    [Fact]
    public async Task ReadScope_Keys_GivesOnlyTheNodesOfThoseKeys_AndTheRelationshipsEndingAtThem()
    {
        var scenario = await KeyedReadScenario.ApplyAsync(Store);

        await scenario.ReadAndCheckAsync(Store);
    }

    [Fact]
    public async Task ChangeMark_NamesEachCommittedSequence_AndNoneBeyondTheHead()
    {
        Assert.Null(await Store.GetChangeMarkAsync(1, CancellationToken.None));
        var first = await Store.ApplyAsync(OnePatient(out var patient, out _, out _), CancellationToken.None);
        var study = Some.Study();
        var second = await Store.ApplyAsync(new ChangeSet { Source = "contract-2" }.Add(study).Add(Some.Edge("HAS_STUDY", patient, study)), CancellationToken.None);

        var firstMark = await Store.GetChangeMarkAsync(first.Sequence, CancellationToken.None);
        var secondMark = await Store.GetChangeMarkAsync(second.Sequence, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(firstMark));
        Assert.Contains("contract", firstMark, StringComparison.Ordinal);
        Assert.Contains("contract-2", secondMark, StringComparison.Ordinal);
        Assert.Equal(firstMark, await Store.GetChangeMarkAsync(first.Sequence, CancellationToken.None));
        Assert.Null(await Store.GetChangeMarkAsync(second.Sequence + 1, CancellationToken.None));
    }
}
