using Graph.Domain;
using Graph.Store;
using Xunit;

namespace Graph.Testing;

/// <summary>The behaviour every <see cref="IGraphStore"/> adapter must show; each adapter's tests inherit it.</summary>
public abstract partial class GraphStoreContract : IAsyncLifetime
{
    private IGraphStore? _store;

    protected IGraphStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    /// <summary>Opens an empty store for one test.</summary>
    protected abstract Task<IGraphStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.EnsureSchemaAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
            await _store.DisposeAsync();
    }

    private static ChangeSet OnePatient(out NodeRecord patient, out NodeRecord study, out NodeRecord series)
    {
        var dataset = Some.Dataset("contract-dataset");
        patient = Some.Patient();
        study = Some.Study();
        series = Some.Series();
        var changes = new ChangeSet { Source = "contract" };
        changes.Add(dataset).Add(patient).Add(study).Add(series);
        changes.Add(Some.Edge("INCLUDES", dataset, patient)).Add(Some.Edge("HAS_STUDY", patient, study)).Add(Some.Edge("HAS_SERIES", study, series));
        return changes;
    }

    private async Task<CollectingSink> ReadAllAsync()
    {
        var sink = new CollectingSink();
        await Store.ReadAllAsync(sink, CancellationToken.None);
        return sink;
    }

    [Fact]
    public async Task EnsureSchema_CalledAgain_KeepsData()
    {
        await Store.ApplyAsync(OnePatient(out _, out _, out _), CancellationToken.None);
        await Store.EnsureSchemaAsync(CancellationToken.None);
        Assert.Equal(4, (await ReadAllAsync()).Nodes.Count);
    }

    [Fact]
    public async Task Apply_NewNodes_ReadBackWithTypedProperties()
    {
        var result = await Store.ApplyAsync(OnePatient(out var patient, out _, out var series), CancellationToken.None);

        Assert.Equal(1, result.Sequence);
        Assert.Equal(4, result.NodesChanged);
        Assert.Equal(3, result.EdgesChanged);
        var all = await ReadAllAsync();
        var storedSeries = all.Nodes.Single(n => n.Node.Key == series.Key).Node;
        Assert.Equal(1.5, Assert.IsType<double>(storedSeries["sliceThickness"]));
        Assert.Equal(120L, Assert.IsType<long>(storedSeries["imageCount"]));
        Assert.Equal(63_000_000L, storedSeries["sizeBytes"]);
        Assert.Equal(false, storedSeries["contrast"]);
        Assert.Equal("F", all.Nodes.Single(n => n.Node.Key == patient.Key).Node["sex"]);
        Assert.Equal(3, all.Edges.Count);
        Assert.All(all.Nodes, n => Assert.Equal(1, n.Sequence));
    }

    [Fact]
    public async Task Apply_WholeNumberInFloatField_ReadsBackAsDouble()
    {
        var series = Some.Series(sliceThickness: 3.0);
        await Store.ApplyAsync(new ChangeSet().Add(series), CancellationToken.None);
        var stored = (await ReadAllAsync()).Nodes.Single().Node;
        Assert.IsType<double>(stored["sliceThickness"]);
    }

    [Fact]
    public async Task Apply_SameSetTwice_SecondChangesNothing()
    {
        var first = await Store.ApplyAsync(OnePatient(out var patient, out var study, out var series), CancellationToken.None);
        var again = new ChangeSet().Add(Some.Dataset("contract-dataset")).Add(patient).Add(study).Add(series);
        again.Add(Some.Edge("HAS_STUDY", patient, study)).Add(Some.Edge("HAS_SERIES", study, series));

        var second = await Store.ApplyAsync(again, CancellationToken.None);

        Assert.False(second.Changed);
        Assert.Equal(first.Sequence, second.Sequence);
        Assert.Equal(first.Sequence, await Store.GetSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Apply_SameIdAgain_ReportsTheFirstCommitWithoutApplyingAgain()
    {
        var changes = OnePatient(out _, out _, out var series);
        var first = await Store.ApplyAsync(changes, CancellationToken.None);
        await Store.ApplyAsync(new ChangeSet().Add(NodeRecord.Of(GraphModel.Series, series.Key, ("modality", "CT"))), CancellationToken.None);

        // A retry after a lost reply: the same set, its id recorded with sequence 1.
        var again = await Store.ApplyAsync(changes, CancellationToken.None);

        Assert.Equal(first with { Replayed = true }, again);
        Assert.True(again.Replayed);
        Assert.Equal(2, await Store.GetSequenceAsync(CancellationToken.None));
        Assert.Equal("CT", (await ReadAllAsync()).Nodes.Single(n => n.Node.Key == series.Key).Node["modality"]);
    }

    [Fact]
    public async Task Apply_SameIdNothingChanged_RecordsNothing()
    {
        await Store.ApplyAsync(OnePatient(out var patient, out _, out _), CancellationToken.None);
        var unchanged = new ChangeSet { Id = "unchanged-set" }.Add(patient);

        var first = await Store.ApplyAsync(unchanged, CancellationToken.None);
        await Store.ApplyAsync(new ChangeSet().Add(Some.Series()), CancellationToken.None);
        var second = await Store.ApplyAsync(unchanged, CancellationToken.None);

        Assert.Equal((1L, false, false), (first.Sequence, first.Changed, first.Replayed));
        Assert.Equal((2L, false, false), (second.Sequence, second.Changed, second.Replayed));
    }

    [Fact]
    public async Task Apply_PartialProperties_MergesAndNullRemoves()
    {
        var series = Some.Series();
        await Store.ApplyAsync(new ChangeSet().Add(series), CancellationToken.None);
        var update = new NodeRecord(series.Label, series.Key, new Dictionary<string, object?> { ["bodyPart"] = "PROSTATE", ["description"] = null });

        var result = await Store.ApplyAsync(new ChangeSet().Add(update), CancellationToken.None);

        Assert.Equal(2, result.Sequence);
        var stored = (await ReadAllAsync()).Nodes.Single().Node;
        Assert.Equal("PROSTATE", stored["bodyPart"]);
        Assert.Equal("MR", stored["modality"]);
        Assert.False(stored.Properties.ContainsKey("description"));
    }

    [Fact]
    public async Task Apply_EdgeToMissingNode_RejectsWholeSet()
    {
        var patient = Some.Patient();
        var changes = new ChangeSet().Add(patient).Add(Some.Edge("HAS_STUDY", patient, Some.Study()));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store.ApplyAsync(changes, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Empty((await ReadAllAsync()).Nodes);
        Assert.Equal(0, await Store.GetSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Apply_RelationshipProperties_RoundTrip()
    {
        var a = NodeRecord.Of(GraphModel.Concept, "NCIT:C3058", ("system", "NCIt"), ("code", "C3058"), ("label", "Glioblastoma"));
        var b = NodeRecord.Of(GraphModel.Concept, "SCTID:393563007", ("system", "SNOMED CT"), ("code", "393563007"), ("label", "Glioblastoma multiforme"));
        var mapping = new EdgeRecord("MAPS_TO", a.Ref, b.Ref, new Dictionary<string, object?> { ["predicate"] = "exactMatch", ["confidence"] = 0.95, ["author"] = "orcid:0000-0000-0000-0000" });

        await Store.ApplyAsync(new ChangeSet().Add(a).Add(b).Add(mapping), CancellationToken.None);

        var edge = Assert.Single((await ReadAllAsync()).Edges).Edge;
        Assert.Equal("exactMatch", edge.Properties["predicate"]);
        Assert.Equal(0.95, edge.Properties["confidence"]);
    }

    [Fact]
    public async Task Apply_UnicodeText_RoundTrips()
    {
        var text = "Étude IRM prostate — 前立腺 MRI ñ \"quoted\" \\ line\nbreak";
        var dataset = NodeRecord.Of(GraphModel.Dataset, "unicode", ("title", text));
        await Store.ApplyAsync(new ChangeSet().Add(dataset), CancellationToken.None);
        Assert.Equal(text, (await ReadAllAsync()).Nodes.Single().Node["title"]);
    }

    [Fact]
    public async Task Apply_ConcurrentWriters_EveryChangeSetGetsItsOwnSequence()
    {
        var sets = Enumerable.Range(0, 8).Select(_ => new ChangeSet().Add(Some.Series()).Add(Some.Series())).ToArray();

        var results = await Task.WhenAll(sets.Select(s => Store.ApplyAsync(s, CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), results.Select(r => r.Sequence).Order());
        Assert.Equal(16, (await ReadAllAsync()).Nodes.Count);
    }

    [Fact]
    public async Task Statistics_CountLiveNodesAndRelationships()
    {
        await Store.ApplyAsync(OnePatient(out _, out _, out _), CancellationToken.None);
        var stats = await Store.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(1, stats.Sequence);
        Assert.Equal(1, stats.Nodes["Series"]);
        Assert.Equal(1, stats.Relationships["HAS_SERIES"]);
    }
}
