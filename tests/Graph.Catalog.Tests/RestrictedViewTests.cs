using CsCheck;
using Graph.Catalog.Access;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Tests;

/// <summary>A signed-out visitor's view of random catalogues: whatever random filter or cohort criteria they send, the answer
/// holds only records of the view (those its tables mark live, node by node), never one of a dataset they may not read;
/// scans, walks and single-relationship maps read liveness from the view's live sets, so those must be exactly its records.</summary>
public sealed class RestrictedViewTests
{
    private static readonly RecordAccess Anonymous = RecordAccess.Of(["open"], []);
    private static readonly NodeKind[] Kinds = [GraphModel.Series, GraphModel.Patient, GraphModel.Study, GraphModel.Dataset];

    private static HashSet<int> Visible(CatalogSnapshot view, NodeKind kind)
    {
        var table = view.Table(kind);
        return Enumerable.Range(0, table.Count).Where(table.IsLive).ToHashSet();
    }

    [Fact]
    public void View_HidesRecordsOfDatasetsTheVisitorMayNotRead()
    {
        var snapshot = Catalogues.Get(7).Snapshot;
        var view = Anonymous.View(snapshot);
        Assert.InRange(Visible(view, GraphModel.Series).Count, 1, snapshot.Count(GraphModel.Series) - 1);
        Assert.InRange(Visible(view, GraphModel.Patient).Count, 1, snapshot.Count(GraphModel.Patient) - 1);
    }

    [Fact]
    public void Filters_AnonymousView_AnswerOnlyWithRecordsOfTheView() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int, Gen.Int[0, Kinds.Length - 1]).Sample((seed, filterSeed, kindIndex) =>
        {
            var view = Anonymous.View(Catalogues.Get(seed).Snapshot);
            var kind = Kinds[kindIndex];
            var visible = Visible(view, kind);
            Assert.Equal(visible.Order(), view.Table(kind).LiveSet().Ordinals());
            var filter = RandomFilters.Make(new Random(filterSeed), kind);
            Assert.Subset(visible, new Clauses(view, kind, filter).All().Ordinals().ToHashSet());
            Assert.Subset(visible, FilterEvaluator.Evaluate(view, kind, filter).Ordinals().ToHashSet());
        }, iter: 1000);

    // Words many series and studies share, scored differently by description (whole word, prefix, typo), so that a short
    // page leaves most hits only counted.
    private static readonly string[] SearchedWords = ["axial", "t2", "ax", "flaire", "post", "ct"];

    [Fact]
    public void Search_AnonymousView_CountsOnlyRecordsOfTheView_HoweverFewHitsAreAsked() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, SearchedWords.Length - 1], Gen.Int[1, 3]).Sample((seed, wordIndex, first) =>
        {
            // Hits that cannot make a short page are counted without being ranked: the count a visitor sees must still be
            // that of the records of their view, the same as when every hit is ranked.
            var view = Anonymous.View(Catalogues.Get(seed).Snapshot);
            var word = SearchedWords[wordIndex];
            var whole = TextSearch.Search(view, word, ["Series", "Study"], 100_000);
            Assert.Equal(whole.TotalCount, whole.Hits.Count);
            Assert.All(whole.Hits, hit => Assert.True(view.Table(hit.Node.Kind).IsLive(hit.Node.Ordinal), $"{hit.Node.Key} is not in the view"));
            var page = TextSearch.Search(view, word, ["Series", "Study"], first);
            Assert.Equal(whole.TotalCount, page.TotalCount);
            Assert.Equal(whole.CountsByKind, page.CountsByKind);
            Assert.Equal(whole.TotalCount > first, page.HasNextPage);
            Assert.Equal(whole.Hits.Take(first).Select(h => h.Node.Key), page.Hits.Select(h => h.Node.Key));
        }, iter: 300);

    [Fact]
    public void Cohorts_AnonymousView_SelectOnlyRecordsOfTheView() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int, Gen.Int).Sample((seed, patientSeed, seriesSeed) =>
        {
            var view = Anonymous.View(Catalogues.Get(seed).Snapshot);
            var patients = RandomFilters.Make(new Random(patientSeed), GraphModel.Patient);
            var series = RandomFilters.Make(new Random(seriesSeed), GraphModel.Series);
            var selection = Cohorts.Select(view, new CohortCriteria(patients, series));
            Assert.Subset(Visible(view, GraphModel.Patient), selection.Patients.Ordinals().ToHashSet());
            Assert.Subset(Visible(view, GraphModel.Series), selection.Series.Ordinals().ToHashSet());
            Assert.Subset(Visible(view, GraphModel.Study), selection.Studies.Ordinals().ToHashSet());
            Assert.Subset(Visible(view, GraphModel.Dataset), selection.Datasets.Ordinals().ToHashSet());
        }, iter: 500);

    [Fact]
    public void Facets_AnonymousView_CountOnlyRecordsOfTheView() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int, Gen.Int[0, 2]).Sample((seed, filterSeed, fieldIndex) =>
        {
            var field = new[] { "modality", "bodyPart", "contrast" }[fieldIndex];
            // The value sets are the whole catalogue's (kept once for every view); counted with the view's filtered series,
            // they must count those alone, exactly as reading each one's value does.
            var snapshot = Catalogues.Get(seed).Snapshot;
            var view = Anonymous.View(snapshot);
            var filter = new Random(filterSeed).Next(3) == 0 ? null : RandomFilters.Make(new Random(filterSeed), GraphModel.Series);
            var series = new Clauses(view, GraphModel.Series, filter).All();
            var table = view.Table(GraphModel.Series);
            var expected = series.Ordinals().GroupBy(o => table.Get(o, field) switch
            {
                null => "(missing)",
                bool b => b ? "true" : "false",
                var value => (string)value,
            }).ToDictionary(g => g.Key, g => g.Count());
            foreach (var wordsPerNode in FilterPropertyTests.WaysOfCounting)
            {
                // The whole catalogue's facet first, so that the view's counting finds the value sets already made.
                Facets.Compute(snapshot, GraphModel.Series, new Clauses(snapshot, GraphModel.Series, null), [field], Facets.MaxLimit, multiSelect: true, wordsPerNode);
                var result = Facets.Compute(view, GraphModel.Series, new Clauses(view, GraphModel.Series, filter), [field], Facets.MaxLimit, multiSelect: false, wordsPerNode).Single();
                var actual = result.Values.ToDictionary(v => v.Value, v => v.Count);
                if (result.Missing > 0)
                    actual["(missing)"] = result.Missing;
                Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
            }
        }, iter: 300);
}
