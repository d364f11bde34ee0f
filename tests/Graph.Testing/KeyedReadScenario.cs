using Graph.Domain;
using Graph.Store;
using Xunit;

namespace Graph.Testing;

/// <summary>A keyed scoped read (<see cref="ReadScope.Keys"/>) over two patients' studies and series and a deleted study, run by
/// the store contract and by the Neo4j adapter against its stored fake.</summary>
public sealed class KeyedReadScenario
{
    private static readonly ReadScope Scope = new(["Study", "Series"], ["HAS_STUDY", "HAS_SERIES"]);

    private KeyedReadScenario(NodeRecord patient, NodeRecord study, NodeRecord series, NodeRecord otherStudy, NodeRecord otherSeries, NodeRecord deleted, long head) =>
        (Patient, Study, Series, OtherStudy, OtherSeries, Deleted, Head) = (patient, study, series, otherStudy, otherSeries, deleted, head);

    public NodeRecord Patient { get; }

    public NodeRecord Study { get; }

    public NodeRecord Series { get; }

    public NodeRecord OtherStudy { get; }

    public NodeRecord OtherSeries { get; }

    public NodeRecord Deleted { get; }

    public long Head { get; }

    /// <summary>More keys than one SQLite statement takes, most of them held by nothing.</summary>
    public IReadOnlyList<string> Keys =>
        [.. Enumerable.Range(0, 1200).Select(i => $"1.2.826.0.1.3680043.10.999.9.{i}"), Study.Key, OtherSeries.Key, Deleted.Key, Patient.Key];

    /// <summary>Writes the scenario: a patient with a study and series, another with a study and series and a study then deleted.</summary>
    public static async Task<KeyedReadScenario> ApplyAsync(IGraphStore store)
    {
        var (patient, study, series) = (Some.Patient(), Some.Study(), Some.Series());
        var (otherPatient, otherStudy, otherSeries, deleted) = (Some.Patient(), Some.Study(), Some.Series(), Some.Study());
        await store.ApplyAsync(
            new ChangeSet().Add(patient).Add(study).Add(series).Add(Some.Edge("HAS_STUDY", patient, study)).Add(Some.Edge("HAS_SERIES", study, series)),
            CancellationToken.None);
        await store.ApplyAsync(
            new ChangeSet().Add(otherPatient).Add(otherStudy).Add(otherSeries).Add(deleted)
                .Add(Some.Edge("HAS_STUDY", otherPatient, otherStudy)).Add(Some.Edge("HAS_SERIES", otherStudy, otherSeries)).Add(Some.Edge("HAS_STUDY", otherPatient, deleted)),
            CancellationToken.None);
        var deletion = new ChangeSet();
        deletion.DeletedNodes.Add(deleted.Ref);
        var head = (await store.ApplyAsync(deletion, CancellationToken.None)).Sequence;
        return new KeyedReadScenario(patient, study, series, otherStudy, otherSeries, deleted, head);
    }

    /// <summary>Reads the scenario's keys and checks that exactly the live nodes of those keys (of the scope's labels) and the live
    /// relationships ending at them (of the scope's types) come back, and that no keys read nothing.</summary>
    public async Task ReadAndCheckAsync(IGraphStore store)
    {
        var sink = new CollectingSink();
        var sequence = await store.ReadAllAsync(sink, Scope.OfKeys(Keys), CancellationToken.None);

        Assert.Equal(Head, sequence);
        Assert.Equal(
            [("Series", OtherSeries.Key), ("Study", Study.Key)],
            sink.Nodes.Select(n => (n.Node.Label, n.Node.Key)).Order());
        Assert.Equal(2020L, sink.Nodes.Single(n => n.Node.Key == Study.Key).Node.Properties["year"]);
        Assert.Equal(120L, sink.Nodes.Single(n => n.Node.Key == OtherSeries.Key).Node.Properties["imageCount"]);
        Assert.Equal(
            [("HAS_SERIES", OtherStudy.Key, OtherSeries.Key), ("HAS_STUDY", Patient.Key, Study.Key)],
            sink.Edges.Select(e => (e.Edge.Type, e.Edge.From.Key, e.Edge.To.Key)).Order());
        Assert.All(sink.Nodes, n => Assert.False(n.Deleted));
        Assert.All(sink.Edges, e => Assert.False(e.Deleted));

        var none = new CollectingSink();
        await store.ReadAllAsync(none, Scope with { Keys = [] }, CancellationToken.None);
        Assert.Empty(none.Nodes);
        Assert.Empty(none.Edges);
    }
}
