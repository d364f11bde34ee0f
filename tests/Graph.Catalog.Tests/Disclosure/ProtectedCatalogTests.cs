using CsCheck;
using Graph.Catalog.Access;
using Graph.Catalog.Disclosure;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Tests.Disclosure;

/// <summary>The disclosure-control layer over random catalogues: readable parts exact, small parts withheld, the same question in any form the same answer.</summary>
public sealed class ProtectedCatalogTests
{
    // Rounding to 1 and a threshold of 2 let every difference of noise show, so equal answers mean equal noise.
    private static readonly DisclosureControl Sensitive = new(new DisclosureOptions { Threshold = 2, RoundingStep = 1, NoiseScale = 1 }, "a test secret of the disclosure layer"u8.ToArray());
    private static readonly RecordAccess Anonymous = RecordAccess.Of(["open"], []);

    [Fact]
    public void Summarize_EquivalentForms_GiveTheSameProtectedAnswer() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int, Gen.Int, Gen.Int).Sample((seed, patientSeed, seriesSeed, rewriteSeed) =>
        {
            var snapshot = Catalogues.Get(seed).Snapshot;
            var patients = RandomFilters.Make(new Random(patientSeed), GraphModel.Patient);
            var series = RandomFilters.Make(new Random(seriesSeed), GraphModel.Series);
            var catalog = Sensitive.For(snapshot, Anonymous);
            var rewrite = new Random(rewriteSeed);
            RandomFilters.AnswerOrRefuseUnknown(snapshot, [patients, series], () =>
            {
                var original = Describe(catalog.Summarize(new CohortCriteria(patients, series)));
                var rewritten = new CohortCriteria(Equivalent(patients, rewrite), Equivalent(series, rewrite));
                var equivalent = Describe(catalog.Summarize(rewritten));
                Assert.True(original == equivalent, $"{Show(patients)} / {Show(series)} and {Show(rewritten.Patients)} / {Show(rewritten.Series)}: {original} / {equivalent}");
            });
        }, iter: 400);

    [Fact]
    public void Summarize_ReadablePart_IsTheCountOverTheCallersView() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int).Sample((seed, filterSeed) =>
        {
            var snapshot = Catalogues.Get(seed).Snapshot;
            var filter = RandomFilters.Make(new Random(filterSeed), GraphModel.Patient);
            RandomFilters.AnswerOrRefuseUnknown(snapshot, [filter], () =>
            {
                var catalog = Sensitive.For(snapshot, Anonymous);
                var summary = catalog.Summarize(new CohortCriteria(filter, null));
                var view = Anonymous.View(snapshot);
                Assert.Equal(FilterEvaluator.Evaluate(view, GraphModel.Patient, filter).Count(), summary.Patients.Readable);
                var unreadable = FilterEvaluator.Evaluate(snapshot, GraphModel.Patient, filter).AndNot(catalog.ReadableSet(GraphModel.Patient)).Count();
                if (unreadable < 2)
                    Assert.Null(summary.Patients.Restricted);

                // The rest is the question without its low-effect conditions, counted over the records the caller may not read.
                var counted = FilterEvaluator.Evaluate(snapshot, GraphModel.Patient, catalog.Counted(new CohortCriteria(filter, null)).Patients)
                    .AndNot(catalog.ReadableSet(GraphModel.Patient)).Count();
                if (summary.Patients.Restricted is { } shown)
                    Assert.InRange(shown, counted - 12, counted + 12);
            });
        }, iter: 400);

    [Fact]
    public void Summarize_CallerWhoReadsEverything_IsExact()
    {
        var snapshot = Catalogues.Get(7).Snapshot;
        var summary = Sensitive.For(snapshot, RecordAccess.Everything).Summarize(new CohortCriteria(null, null));
        Assert.True(summary.Patients.Exact);
        Assert.Equal(snapshot.Count(GraphModel.Patient), summary.Patients.Value);
        Assert.Equal(Cohorts.Select(snapshot, new CohortCriteria(null, null)).Series.Count(), summary.Series.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Count_FewerUnreadablePatientsThanThreshold_IsWithheldWhateverTheNoise(int unreadable)
    {
        var protector = new Protector(new DisclosureOptions(), exact: false);
        foreach (var noise in new[] { -15.0, -3, 0, 0.4, 3, 15 })
        {
            var count = protector.Count(new SplitCount(7, unreadable, unreadable), noise);
            Assert.Null(count.Restricted);
            Assert.Equal(7, count.Value);
            Assert.Equal("7 + fewer than 5", count.Text);
        }
    }

    [Fact]
    public void Count_Shown_IsAMultipleOfTheStepNearTheTruthAndNeverBelowTheThreshold()
    {
        var protector = new Protector(new DisclosureOptions(), exact: false);
        for (var unreadable = 5; unreadable < 200; unreadable++)
        {
            foreach (var noise in new[] { -3.0, -1, 0, 1, 3 })
            {
                var count = protector.Count(new SplitCount(0, unreadable, unreadable), noise);
                if (count.Restricted is not { } shown)
                {
                    Assert.True(unreadable + noise < 5, $"{unreadable} with noise {noise} was withheld");
                    continue;
                }

                Assert.Equal(0, shown % 5);
                Assert.InRange(shown, Math.Max(5, unreadable - 6), unreadable + 6);
            }
        }
    }

    [Fact]
    public void Layers_SameSetWrittenTwoWays_OneLayer()
    {
        // Ages are whole years: gt 59 and gte 60 select the same patients, so they are the same atom.
        var snapshot = Catalogues.Get(3).Snapshot;
        var catalog = Sensitive.For(snapshot, Anonymous);
        var a = catalog.Summarize(new CohortCriteria(new FieldFilter("ageAtDiagnosis", FilterOperator.Gt, 59L), null));
        var b = catalog.Summarize(new CohortCriteria(new FieldFilter("ageAtDiagnosis", FilterOperator.Gte, 60L), null));
        var c = catalog.Summarize(new CohortCriteria(new AndFilter([new FieldFilter("ageAtDiagnosis", FilterOperator.Gte, 60L), new FieldFilter("ageAtDiagnosis", FilterOperator.Gt, 59.5)]), null));
        Assert.Equal(Describe(a), Describe(b));
        Assert.Equal(Describe(a), Describe(c));
    }

    [Theory]
    [InlineData("two")]
    [InlineData("three")]
    [InlineData("two pairs")]
    [InlineData("a pair in an or")]
    public void Counted_ConditionsThatRepeatEachOther_StayWhileDroppingThemAllWouldChangeTheQuestion(string shape)
    {
        // Each repeats the other, so each alone sets apart nobody; dropped all at once they would count patients of every age.
        Filter[] old = [new FieldFilter("ageAtDiagnosis", FilterOperator.Gte, 60L), new FieldFilter("ageAtDiagnosis", FilterOperator.Gt, 59.5)];
        Filter[] female = [new FieldFilter("sex", FilterOperator.Eq, "F"), new FieldFilter("sex", FilterOperator.In, new object?[] { "F" })];
        // The question, and what it is without each group of conditions that repeat each other.
        (Filter Filter, Filter?[] WithoutGroups) question = shape switch
        {
            "two" => (new AndFilter(old), [null]),
            "three" => (new AndFilter([.. old, new FieldFilter("ageAtDiagnosis", FilterOperator.Gt, 59L)]), [null]),
            "two pairs" => (new AndFilter([.. old, .. female]), [new AndFilter(old), new AndFilter(female)]),
            _ => (new OrFilter([new FieldFilter("sex", FilterOperator.Eq, "M"), new AndFilter(old)]), [new FieldFilter("sex", FilterOperator.Eq, "M")]),
        };
        var (filter, withoutGroups) = question;
        var tested = 0;
        foreach (var seed in Enumerable.Range(0, 40))
        {
            var snapshot = Catalogues.Get(seed).Snapshot;
            var catalog = Sensitive.For(snapshot, Anonymous);
            var readable = catalog.ReadableSet(GraphModel.Patient);
            Bitset Selected(Filter? f) => FilterEvaluator.Evaluate(snapshot, GraphModel.Patient, f).AndNot(readable);
            int Apart(Bitset a, Bitset b) => a.Clone().AndNot(b).Count() + b.Clone().AndNot(a).Count();
            var asked = Selected(filter);
            // Only where the question's patients are counted and dropping a group would change them by the threshold.
            if (asked.Count() < 2 || withoutGroups.Any(f => Apart(Selected(f), asked) < 2))
                continue;
            tested++;
            // Other conditions may go (each sets apart fewer than the threshold), the repeated ones stay.
            var counted = Selected(catalog.Counted(new CohortCriteria(filter, null)).Patients);
            Assert.True(Apart(counted, asked) < 2, $"catalogue {seed}: {asked.Count()} patients asked, {counted.Count()} counted");
        }

        Assert.True(tested >= 10, $"only {tested} catalogues tested");
    }

    [Fact]
    public void NoiseLayers_InList_OneAtomPerValue()
    {
        var layers = NoiseLayers.Of(GraphModel.Series, new RelationFilter("patient", Quantifier.Some, new FieldFilter("sex", FilterOperator.In, new object?[] { "M", "F" })));
        Assert.Equal(
            [new RelationFilter("patient", Quantifier.Some, new FieldFilter("sex", FilterOperator.Eq, "F")), new RelationFilter("patient", Quantifier.Some, new FieldFilter("sex", FilterOperator.Eq, "M"))],
            layers);
    }

    [Fact]
    public void Secret_Different_GivesOtherNoise()
    {
        var snapshot = Catalogues.Get(11).Snapshot;
        var criteria = new CohortCriteria(null, null);
        var other = new DisclosureControl(Sensitive.Options, "another secret of the disclosure layer"u8.ToArray());
        var answers = Enumerable.Range(0, 40).Select(seed => (Describe(Sensitive.For(Catalogues.Get(seed).Snapshot, Anonymous).Summarize(criteria)), Describe(other.For(Catalogues.Get(seed).Snapshot, Anonymous).Summarize(criteria))));
        Assert.Contains(answers, a => a.Item1 != a.Item2);
        Assert.Equal(Describe(Sensitive.For(snapshot, Anonymous).Summarize(criteria)), Describe(Sensitive.For(snapshot, Anonymous).Summarize(criteria)));
    }

    private static string Describe(RecordSummary summary)
    {
        var facets = summary.Facets(GraphModel.Patient, ["sex", "datasets.slug"], 20).Concat(summary.Facets(GraphModel.Series, ["modality"], 20))
            .Select(f => $"{f.Field}[{string.Join(',', f.Values.Select(v => $"{v.Value}={v.Count.Text}"))}] missing {f.Missing.Text} other {f.Other.Text}");
        return $"{summary.Patients.Text} | {summary.Studies.Text} | {summary.Series.Text} | {summary.Datasets.Text} | {summary.TotalBytes.Text} | {string.Join(" | ", facets)}";
    }

    private static string Show(Filter? filter) => filter is null ? "none" : FilterKey.Of(filter);

    // The same filter written another way: and/or reordered, in as several eq, not-in as several neq, a clause wrapped in and.
    private static Filter? Equivalent(Filter? filter, Random random) => filter switch
    {
        null => null,
        AndFilter and => new AndFilter(Shuffle(and.Items.Select(i => Equivalent(i, random)!), random)),
        OrFilter or => new OrFilter(Shuffle(or.Items.Select(i => Equivalent(i, random)!), random)),
        NotFilter not => new NotFilter(Equivalent(not.Inner, random)!),
        RelationFilter relation => relation with { Inner = Equivalent(relation.Inner, random)! },
        FieldFilter { Operator: FilterOperator.In, Value: IEnumerable<object?> values } field when random.Next(2) == 0 =>
            new OrFilter(Shuffle(values.Select(v => (Filter)new FieldFilter(field.Field, FilterOperator.Eq, v)), random)),
        FieldFilter { Operator: FilterOperator.NotIn, Value: IEnumerable<object?> values } field when random.Next(2) == 0 =>
            new AndFilter(Shuffle(values.Select(v => (Filter)new FieldFilter(field.Field, FilterOperator.Neq, v)), random)),
        _ when random.Next(4) == 0 => new AndFilter([filter]),
        _ => filter,
    };

    private static Filter[] Shuffle(IEnumerable<Filter> items, Random random) => items.OrderBy(_ => random.Next()).ToArray();
}
