using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;
using Graph.Ingest.Concepts;
using Graph.Ingest.Mappings;
using Graph.Ingest.Tests.Vocabulary;
using Graph.Ingest.Vocabulary;
using Graph.Store;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Ingest.Tests.Concepts;

/// <summary>The service's concept changes over a SQLite store and a live index: the partner rules, the writer recorded, and
/// checks and writes serialised.</summary>
public sealed class ConceptEditingTests : IAsyncLifetime
{
    private static readonly ConceptEditor Partner = new("key:partner-1", Curates: false);
    private static readonly ConceptEditor OtherPartner = new("key:partner-2", Curates: false);
    private static readonly ConceptEditor Curator = new("key:curator", Curates: true);

    private readonly StoreScenario _store = new();
    private CatalogIndex _index = null!;
    private ConceptEditing _editing = null!;

    public async Task InitializeAsync()
    {
        await _store.Store.EnsureSchemaAsync(CancellationToken.None);
        _index = new CatalogIndex(_store.Store, NullLogger<CatalogIndex>.Instance);
        var writer = new GraphWriter(_store.Store, [_index], NullLogger<GraphWriter>.Instance);
        _editing = new ConceptEditing(writer, _index);
        await writer.WriteAsync(ReferenceData.Plan(_ => false), CancellationToken.None);
        await _index.LoadAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Link_PartnerOwnConceptToAReferenceConcept_IsWrittenWithThePartnerAsWriter()
    {
        await _editing.LinkAsync(Mapping("PARTNER:GLIOMA", "NCIT:C3059"), Partner, CancellationToken.None);
        Assert.Equal("key:partner-1", MappingOf("PARTNER:GLIOMA", "NCIT:C3059")!.WrittenBy);
    }

    [Fact]
    public async Task Link_PartnerFromAReferenceConcept_IsForbiddenAndNothingIsWritten()
    {
        var sequence = _index.Current.Sequence;
        var e = await Assert.ThrowsAsync<ConceptChangeForbiddenException>(() =>
            _editing.LinkAsync(Mapping("SCTID:254837009", "SCTID:363358000"), Partner, CancellationToken.None));
        Assert.Contains("'SCTID:254837009' is a concept of the reference system SCTID", Assert.Single(e.Reasons), StringComparison.Ordinal);
        Assert.Equal(sequence, _index.Current.Sequence);
    }

    [Fact]
    public async Task Unlink_PartnerSeedOrOthersMapping_IsForbiddenAndCuratorMay()
    {
        await _editing.LinkAsync(Mapping("PARTNER:X", "NCIT:C4872"), Partner, CancellationToken.None);
        await Assert.ThrowsAsync<ConceptChangeForbiddenException>(() => _editing.UnlinkAsync("PARTNER:X", "NCIT:C4872", OtherPartner, CancellationToken.None));
        await Assert.ThrowsAsync<ConceptChangeForbiddenException>(() => _editing.UnlinkAsync("ICDO3:9440/3", "NCIT:C3058", Partner, CancellationToken.None));
        Assert.NotNull(MappingOf("ICDO3:9440/3", "NCIT:C3058"));
        Assert.True(await _editing.UnlinkAsync("ICDO3:9440/3", "NCIT:C3058", Curator, CancellationToken.None));
        Assert.True(await _editing.UnlinkAsync("PARTNER:X", "NCIT:C4872", Partner, CancellationToken.None));
    }

    [Fact]
    public async Task ImportVocabulary_TwoImportsClosingACycleStartedTogether_NeverBothApplied()
    {
        for (var i = 0; i < 50; i++)
        {
            var (a, b) = ($"RACE{i}:A", $"RACE{i}:B");
            await ImportAsync($"curie\tlabel\n{a}\tA\n{b}\tB\n", Partner);
            var results = await Task.WhenAll(
                Task.Run(() => ImportAsync($"curie\tlabel\tbroader\n{a}\tA\t{b}\n", Partner)),
                Task.Run(() => ImportAsync($"curie\tlabel\tbroader\n{b}\tB\t{a}\n", Curator)));
            Assert.Equal(1, results.Sum(r => r.BroaderAdded));
            var catalogue = new ConceptCatalogue(_index.Current);
            Assert.False(catalogue.Find(a)!.Broader.Contains(b) && catalogue.Find(b)!.Broader.Contains(a), $"try {i}: {a} <-> {b} is a cycle");
        }
    }

    [Fact]
    public async Task ImportVocabulary_PartnerRowOfAReferenceConcept_IsForbiddenNamingTheLine()
    {
        var e = await Assert.ThrowsAsync<ConceptChangeForbiddenException>(() => ImportAsync("curie\tlabel\nLOCAL:OK\tFine\ndcm:MR\tComputed Tomography\n", Partner));
        Assert.StartsWith("line 3: 'dcm:MR' is a concept of the reference system DCM", Assert.Single(e.Reasons), StringComparison.Ordinal);
        Assert.Null(new ConceptCatalogue(_index.Current).Find("LOCAL:OK"));
    }

    [Fact]
    public async Task ImportVocabulary_ConceptsWithoutACreator_OnlyCuratorsChangeThemOrAddToTheirPrefix()
    {
        await ImportAsync("curie\tlabel\nOLD:A\tA\n", ConceptEditor.Operator);
        Assert.Null(_index.Current.Find(GraphModel.Concept, "OLD:A")!["writtenBy"]);

        var relabel = await Assert.ThrowsAsync<ConceptChangeForbiddenException>(() => ImportAsync("curie\tlabel\nOLD:A\tChanged\n", Partner));
        Assert.StartsWith("line 2: 'OLD:A' was created by another caller (or before creators were recorded)", Assert.Single(relabel.Reasons), StringComparison.Ordinal);
        var add = await Assert.ThrowsAsync<ConceptChangeForbiddenException>(() => _editing.LinkAsync(Mapping("old:B", "NCIT:C3059"), Partner, CancellationToken.None));
        Assert.StartsWith("subject 'old:B' has the prefix of 'OLD:A'", Assert.Single(add.Reasons), StringComparison.Ordinal);

        await ImportAsync("curie\tlabel\nOLD:A\tCurated\n", Curator);
        Assert.Equal("Curated", new ConceptCatalogue(_index.Current).Find("OLD:A")!.Label);
        Assert.Null(_index.Current.Find(GraphModel.Concept, "OLD:A")!["writtenBy"]);
    }

    [Fact]
    public async Task Link_PartnerCreatesConcepts_RecordsItAsTheirCreator()
    {
        await _editing.LinkAsync(Mapping("MADE:X", "MADE:Y"), Partner, CancellationToken.None);
        await ImportAsync("curie\tlabel\nMADE:Z\tZ\n", Partner);
        Assert.All(["MADE:X", "MADE:Y", "MADE:Z"], c => Assert.Equal("key:partner-1", _index.Current.Find(GraphModel.Concept, c)!["writtenBy"]));
    }

    [Fact]
    public async Task Link_WhileAnotherChangeHoldsItsTurnPastTheWait_RefusedWithNothingWritten()
    {
        var held = new HeldListener();
        var editing = new ConceptEditing(new GraphWriter(_store.Store, [_index, held], NullLogger<GraphWriter>.Instance), _index) { TurnWait = TimeSpan.FromMilliseconds(50) };
        var first = editing.LinkAsync(Mapping("TURN:A", "NCIT:C3059"), Partner, CancellationToken.None);
        await held.Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var e = await Assert.ThrowsAsync<WriteTurnTimeoutException>(() => editing.LinkAsync(Mapping("TURN:B", "NCIT:C3059"), Partner, CancellationToken.None));
        held.Release.SetResult();
        await first;

        Assert.Contains("nothing of this change was written", e.Message, StringComparison.Ordinal);
        Assert.NotNull(MappingOf("TURN:A", "NCIT:C3059"));
        Assert.Null(_index.Current.Find(GraphModel.Concept, "TURN:B"));
    }

    private Task<VocabularyImportResult> ImportAsync(string text, ConceptEditor editor) =>
        _editing.ImportVocabularyAsync(VocabularyReader.Read(VocabularyText.Bytes(text), VocabularyFormat.Tsv), VocabularyFormat.Tsv, partial: false, editor, CancellationToken.None);

    private static MappingRecord Mapping(string subject, string target) =>
        new(subject, null, "exactMatch", target, null, "semapv:ManualMappingCuration", null, "a partner", "2026-01-01");

    private ConceptMapping? MappingOf(string subject, string target) =>
        _index.Current.Find(GraphModel.Concept, subject) is { } node
            ? ConceptGraph.MappingsOf(node).FirstOrDefault(m => m.Subject.Key == subject && m.Object.Key == target)
            : null;

    // Holds the first commit it hears of (its writer's turn with it) until released.
    private sealed class HeldListener : ICommitListener
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnCommittedAsync(CommitResult result, CancellationToken cancellationToken)
        {
            Reached.TrySetResult();
            return Release.Task;
        }
    }
}
