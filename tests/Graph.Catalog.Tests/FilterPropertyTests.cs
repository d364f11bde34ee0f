using CsCheck;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Tests;

/// <summary>Random filters, facets, histograms and orders give the same answers from the index as from the plain reference.</summary>
public sealed class FilterPropertyTests
{
    private static readonly NodeKind[] Kinds = [GraphModel.Series, GraphModel.Patient, GraphModel.Study, GraphModel.Dataset, GraphModel.Concept];

    /// <summary>Words per filtered node that force each way of counting a facet of an own text or yes/no field: node by node
    /// (0), and value by value whatever it costs.</summary>
    internal static readonly int[] WaysOfCounting = [0, int.MaxValue];

    private static HashSet<string> Keys(CatalogSnapshot snapshot, NodeKind kind, Bitset set) =>
        set.Ordinals().Select(o => snapshot.At(kind, o)!.Key).ToHashSet();

    [Fact]
    public void Evaluate_RandomFilters_MatchReference() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int, Gen.Int[0, Kinds.Length - 1]).Sample((catalogueSeed, filterSeed, kindIndex) =>
        {
            var catalogue = Catalogues.Get(catalogueSeed);
            var kind = Kinds[kindIndex];
            var filter = RandomFilters.Make(new Random(filterSeed), kind);
            var expected = new Reference(catalogue).Evaluate(kind, filter);
            var actual = Keys(catalogue.Snapshot, kind, FilterEvaluator.Evaluate(catalogue.Snapshot, kind, filter));
            Assert.True(expected.SetEquals(actual), $"{kind.Label} where {filter}: expected [{string.Join(",", expected.Order())}], got [{string.Join(",", actual.Order())}]");
        }, iter: 3000);

    [Theory]
    [InlineData("Series", "modality")]
    [InlineData("Series", "bodyPart")]
    [InlineData("Series", "contrast")]
    [InlineData("Series", "patient.sex")]
    [InlineData("Series", "patient.ageAtDiagnosis")]
    [InlineData("Series", "study.year")]
    [InlineData("Study", "patient.sex")]
    [InlineData("Series", "datasets.slug")]
    [InlineData("Patient", "series.modality")]
    [InlineData("Patient", "sex")]
    [InlineData("Patient", "ageAtDiagnosis")]
    [InlineData("Study", "modalitiesInStudy")]
    public void Facets_RandomFilters_MatchReference(string label, string facet)
    {
        var kind = GraphModel.Kind(label)!;
        Gen.Select(Gen.Int[0, 200], Gen.Int).Sample((catalogueSeed, filterSeed) =>
        {
            var catalogue = Catalogues.Get(catalogueSeed);
            var filter = new Random(filterSeed).Next(3) == 0 ? null : RandomFilters.Make(new Random(filterSeed), kind);
            var reference = new Reference(catalogue);
            var path = FieldPath.Resolve(kind, facet, facetsOnly: true);
            var nodes = reference.Evaluate(kind, filter);
            var expected = new Dictionary<string, int>();
            var missing = 0;
            foreach (var key in nodes)
            {
                var targets = path.Relations.Aggregate((IEnumerable<string>)[key], (keys, relation) =>
                    keys.SelectMany(k => reference.Related(relation.Owner, k, relation)).Distinct().ToList());
                var values = targets.SelectMany(t => reference.Value(path.Target, t, path.Field) switch
                {
                    null => [],
                    string[] list => list,
                    double d => [d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)],
                    bool b => [b ? "true" : "false"],
                    var v => [Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!],
                }).Distinct().ToList();
                if (values.Count == 0)
                    missing++;
                foreach (var value in values)
                    expected[value] = expected.GetValueOrDefault(value) + 1;
            }

            // Both ways of counting an own text or yes/no field: node by node, and value by value.
            foreach (var wordsPerNode in WaysOfCounting)
            {
                var actual = Facets.Compute(catalogue.Snapshot, kind, new Clauses(catalogue.Snapshot, kind, filter), [facet], Facets.MaxLimit, multiSelect: false, wordsPerNode).Single();
                Assert.Equal(missing, actual.Missing);
                Assert.Equal(expected.OrderBy(p => p.Key), actual.Values.ToDictionary(v => v.Value, v => v.Count).OrderBy(p => p.Key));
                Assert.Equal(expected.Count, actual.Distinct);
            }
        }, iter: 300);
    }

    [Fact]
    public void Histogram_RandomFilters_MatchReference() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int, Gen.Int[1, 12]).Sample((catalogueSeed, filterSeed, bins) =>
        {
            var catalogue = Catalogues.Get(catalogueSeed);
            var filter = RandomFilters.Make(new Random(filterSeed), GraphModel.Series);
            var reference = new Reference(catalogue);
            var values = reference.Evaluate(GraphModel.Series, filter).Select(k => reference.Value(GraphModel.Series, k, "sliceThickness")).ToList();
            var present = values.OfType<double>().ToList();
            var actual = Histograms.Compute(catalogue.Snapshot, FieldPath.Resolve(GraphModel.Series, "sliceThickness", false), FilterEvaluator.Evaluate(catalogue.Snapshot, GraphModel.Series, filter), bins, null);
            Assert.Equal(present.Count, actual.Count);
            Assert.Equal(values.Count - present.Count, actual.Missing);
            Assert.Equal(present.Count, actual.Bins.Sum(b => b.Count));
            if (present.Count > 0)
            {
                Assert.Equal(present.Min(), actual.Min);
                Assert.Equal(present.Max(), actual.Max);
                Assert.Equal(present.Average(), actual.Mean!.Value, 9);
                foreach (var bin in actual.Bins)
                {
                    var last = bin == actual.Bins[^1];
                    Assert.Equal(present.Count(v => v >= bin.From && (v < bin.To || (last && v <= bin.To))), bin.Count);
                }
            }
        }, iter: 500);

    [Fact]
    public void Ordering_RandomKeys_MatchesLinqWithMissingLast() =>
        Gen.Select(Gen.Int[0, 200], Gen.Bool, Gen.Bool).Sample((catalogueSeed, descending, byModality) =>
        {
            var catalogue = Catalogues.Get(catalogueSeed);
            var reference = new Reference(catalogue);
            var keys = reference.Keys(GraphModel.Series).ToList();
            var field = byModality ? "modality" : "sliceThickness";
            var sorted = Ordering.Sort(FilterEvaluator.Evaluate(catalogue.Snapshot, GraphModel.Series, null).Ordinals(), Ordering.Comparer(catalogue.Snapshot, GraphModel.Series, [new OrderSpec(field, descending), new OrderSpec("imageCount", false)]));
            var actual = sorted.Select(o => catalogue.Snapshot.At(GraphModel.Series, o)!.Key).ToList();
            var value = (string k) => reference.Value(GraphModel.Series, k, field);
            var ordered = keys.OrderBy(k => value(k) is null ? 1 : 0);
            ordered = descending
                ? ordered.ThenByDescending(k => value(k) as IComparable, Comparer<IComparable?>.Create((a, b) => a is string x ? string.Compare(x, (string)b!, StringComparison.OrdinalIgnoreCase) : Comparer<IComparable?>.Default.Compare(a, b)))
                : ordered.ThenBy(k => value(k) as IComparable, Comparer<IComparable?>.Create((a, b) => a is string x ? string.Compare(x, (string)b!, StringComparison.OrdinalIgnoreCase) : Comparer<IComparable?>.Default.Compare(a, b)));
            var count = (string k) => reference.Value(GraphModel.Series, k, "imageCount") as long?;
            var expected = ordered.ThenBy(k => count(k) is null ? 1 : 0).ThenBy(k => count(k) ?? 0).ThenBy(keys.IndexOf).ToList();
            Assert.Equal(expected, actual);
        }, iter: 300);
}

/// <summary>Random catalogues by seed, built once.</summary>
internal static class Catalogues
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, RandomCatalogue> Cache = new();

    public static RandomCatalogue Get(int seed) => Cache.GetOrAdd(seed, s => new RandomCatalogue(s));
}
