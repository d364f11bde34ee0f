using CsCheck;
using Graph.Catalog.Querying;
using Graph.Domain;
using Graph.Testing;

namespace Graph.Catalog.Tests;

/// <summary>Snapshots made commit by commit patch the values derived from their predecessors (clause results, path maps,
/// value ids, value sets, postings); after any sequence of commits, restarts from the index file among them, they answer exactly like a snapshot
/// loaded from scratch, and like the reference.</summary>
public sealed class IncrementalSnapshotTests
{
    private static readonly NodeKind[] Kinds = [GraphModel.Series, GraphModel.Patient, GraphModel.Study, GraphModel.Dataset, GraphModel.Concept];

    private static readonly Dictionary<string, string[]> FacetFields = new()
    {
        ["Series"] = ["modality", "bodyPart", "contrast", "patient.sex", "patient.ageAtDiagnosis", "study.year", "datasets.slug"],
        ["Patient"] = ["sex", "ageAtDiagnosis", "series.modality", "datasets.slug"],
        ["Study"] = ["modalitiesInStudy", "year", "patient.sex", "datasets.slug"],
        ["Dataset"] = ["accessTier"],
        ["Concept"] = ["system"],
    };

    // The single and multiple path maps the queries use, by owner and relationship field.
    private static readonly (NodeKind Owner, string Field)[] Paths =
    [
        (GraphModel.Series, "patient"), (GraphModel.Series, "study"), (GraphModel.Series, "datasets"), (GraphModel.Patient, "series"),
        (GraphModel.Patient, "datasets"), (GraphModel.Study, "patient"), (GraphModel.Study, "datasets"), (GraphModel.Series, "concepts"),
    ];

    [Fact]
    public void Commits_RandomSequences_AnswerLikeFromScratchAndReference() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int, Gen.Int[1, 8]).Sample((catalogueSeed, seed, commits) =>
        {
            using var folder = new TempDirectory();
            var catalogue = new RandomCatalogue(catalogueSeed);
            var random = new Random(seed);
            var queries = Enumerable.Range(0, 6).Select(_ => Kinds[random.Next(Kinds.Length)]).Select(kind => (Kind: kind, Filter: RandomFilters.Make(random, kind))).ToList();
            var log = new List<string>();
            for (var i = 0; i < commits; i++)
            {
                // Most snapshots are asked (so they derive values for the next to patch); some are skipped (their successor patches older values).
                if (random.Next(4) > 0)
                {
                    Ask(catalogue.Snapshot, queries);
                    foreach (var word in SearchedWords)
                        Searched(catalogue.Snapshot, word);
                }

                // Sometimes the service restarts from its index file, and goes on committing on top of what it read.
                if (random.Next(5) == 0)
                    log.Add(catalogue.Restart(folder.File("catalog.index")));
                log.Add(catalogue.Commit(random));
            }

            var patched = catalogue.Snapshot;
            var scratch = catalogue.FromScratch();
            var reference = new Reference(catalogue);
            var context = $"after [{string.Join(" | ", log)}]";
            foreach (var (kind, filter) in queries)
            {
                var expected = reference.Evaluate(kind, filter);
                Assert.True(expected.SetEquals(Keys(patched, kind, new Clauses(patched, kind, filter).All())), $"{kind.Label} where {filter} (patched) {context}");
                Assert.True(expected.SetEquals(Keys(scratch, kind, new Clauses(scratch, kind, filter).All())), $"{kind.Label} where {filter} (from scratch) {context}");
                // Evaluated whole, not from clause results patched node by node: through the patched maps.
                Assert.True(expected.SetEquals(Keys(patched, kind, FilterEvaluator.Evaluate(patched, kind, filter))), $"{kind.Label} where {filter} (patched, evaluated whole) {context}");
                foreach (var field in FacetFields[kind.Label])
                    Assert.Equal($"{kind.Label} facet {field} where {filter} {context}: {Facet(scratch, kind, filter, field)}", $"{kind.Label} facet {field} where {filter} {context}: {Facet(patched, kind, filter, field)}");
            }

            // Text search through the patched postings of series descriptions finds what it finds from scratch.
            foreach (var word in SearchedWords)
                Assert.Equal($"'{word}' {context}: {Searched(scratch, word)}", $"'{word}' {context}: {Searched(patched, word)}");

            foreach (var (owner, name) in Paths)
            {
                var field = RelationField.Find(owner, name)!;
                Assert.Equal(Reached(scratch, owner, field), Reached(patched, owner, field));
            }
        }, iter: 400);

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Commit_OfOneStudyOrSeries_PatchesEveryCachedValue(int change)
    {
        var catalogue = new RandomCatalogue(7);
        var queries = new (NodeKind, Filter)[]
        {
            (GraphModel.Series, new AndFilter([new FieldFilter("modality", FilterOperator.In, new object?[] { "MR", "CT" }), new RelationFilter("patient", Quantifier.Some, new FieldFilter("sex", FilterOperator.Eq, "F"))])),
            (GraphModel.Patient, new RelationFilter("series", Quantifier.Some, new FieldFilter("modality", FilterOperator.Eq, "MR"))),
        };
        // Twice: a clause result is kept from its second request on.
        Ask(catalogue.Snapshot, queries);
        Ask(catalogue.Snapshot, queries);
        var cached = catalogue.Snapshot.Derived.Count;

        catalogue.Commit(new Random(change), change);
        Ask(catalogue.Snapshot, queries);

        Assert.Equal(0, catalogue.Snapshot.Rebuilt);
        Assert.Equal(cached, catalogue.Snapshot.Patched);
        Assert.Equal(cached, catalogue.Snapshot.Derived.Count);
    }

    [Fact]
    public void Commit_OfConcepts_RebuildsWhatReadsThemAndStillAnswersLikeFromScratch()
    {
        var catalogue = new RandomCatalogue(11);
        Filter filter = new ConceptFilter("modality", "DCM:MR", IncludeNarrower: true);
        Ask(catalogue.Snapshot, [(GraphModel.Series, filter)]);
        Ask(catalogue.Snapshot, [(GraphModel.Series, filter)]);

        var random = new Random(3);
        while (!catalogue.Commit(random, 8).Contains("concept", StringComparison.Ordinal))
        {
        }

        Assert.Equal(Keys(catalogue.FromScratch(), GraphModel.Series, FilterEvaluator.Evaluate(catalogue.FromScratch(), GraphModel.Series, filter)), Keys(catalogue.Snapshot, GraphModel.Series, new Clauses(catalogue.Snapshot, GraphModel.Series, filter).All()));
        Assert.True(catalogue.Snapshot.Rebuilt > 0);
    }

    // Words of the random series descriptions: whole, a prefix, and one in several descriptions.
    private static readonly string[] SearchedWords = ["axial", "flair", "arter", "t2", "b1000"];

    private static string Searched(CatalogSnapshot snapshot, string word)
    {
        var result = TextSearch.Search(snapshot, word, ["Series"], TextSearch.MaxFirst);
        return $"{result.TotalCount} hits: {string.Join(",", result.Hits.Select(h => h.Node.Key).Order(StringComparer.Ordinal))}";
    }

    private static void Ask(CatalogSnapshot snapshot, IEnumerable<(NodeKind Kind, Filter Filter)> queries)
    {
        foreach (var (kind, filter) in queries)
        {
            var clauses = new Clauses(snapshot, kind, filter);
            foreach (var wordsPerNode in FilterPropertyTests.WaysOfCounting)
                Facets.Compute(snapshot, kind, clauses, FacetFields[kind.Label], Facets.MaxLimit, multiSelect: true, wordsPerNode);
        }
    }

    private static HashSet<string> Keys(CatalogSnapshot snapshot, NodeKind kind, Bitset set) =>
        set.Ordinals().Select(o => snapshot.At(kind, o)!.Key).ToHashSet();

    private static string Facet(CatalogSnapshot snapshot, NodeKind kind, Filter filter, string field)
    {
        // Counted both ways (own text and yes/no fields: node by node, and value by value through the patched value sets).
        return string.Join(" | ", FilterPropertyTests.WaysOfCounting.Select(wordsPerNode =>
        {
            var result = Facets.Compute(snapshot, kind, new Clauses(snapshot, kind, filter), [field], Facets.MaxLimit, multiSelect: true, wordsPerNode).Single();
            return $"{string.Join(",", result.Values.Select(v => $"{v.Value}={v.Count}").Order(StringComparer.Ordinal))} missing={result.Missing} distinct={result.Distinct} other={result.Other}";
        }));
    }

    // What each live node reaches along a field, by keys, through the snapshot's (patched or built) path map.
    private static SortedDictionary<string, string> Reached(CatalogSnapshot snapshot, NodeKind owner, RelationField field)
    {
        var table = snapshot.Table(owner);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var targets = snapshot.Table(field.Target);
        if (field.Single)
        {
            var map = FieldPath.SingleMap(snapshot, owner, [field]);
            foreach (var node in table.LiveSet())
                result[table.Key(node)] = map[node] < 0 ? "-" : targets.Key(map[node]);
            return result;
        }

        var multi = FieldPath.Resolve(owner, $"{field.Name}.{field.Target.KeyField}", facetsOnly: false).MultiMap(snapshot);
        foreach (var node in table.LiveSet())
            result[table.Key(node)] = string.Join(",", multi[node].Select(targets.Key).Order(StringComparer.Ordinal));
        return result;
    }
}
