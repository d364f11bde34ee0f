using CsCheck;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Tests;

/// <summary>The matcher the disclosure layer evaluates a question without each of its conditions with: what Cohorts.Match
/// selects, also for questions that share items with one asked before.</summary>
public sealed class CriteriaMatcherTests
{
    [Fact]
    public void Match_QuestionsSharingItems_SelectWhatCohortsMatchSelects() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int, Gen.Int).Sample((seed, patientSeed, seriesSeed) =>
        {
            var snapshot = Catalogues.Get(seed).Snapshot;
            var patients = RandomFilters.Make(new Random(patientSeed), GraphModel.Patient);
            var series = RandomFilters.Make(new Random(seriesSeed), GraphModel.Series);
            var matcher = new CriteriaMatcher(snapshot);
            // The question, each with one top-level item left out (the others the same instances), and the question again.
            var questions = new List<CohortCriteria> { new(patients, series) };
            questions.AddRange(WithoutEach(patients).Select(p => new CohortCriteria(p, series)));
            questions.AddRange(WithoutEach(series).Select(s => new CohortCriteria(patients, s)));
            questions.Add(questions[0]);
            foreach (var question in questions)
                AssertSameAsCohorts(snapshot, matcher, question);
        }, iter: 200);

    [Fact]
    public void Match_OneFilterInstanceForPatientsAndSeries_EachEvaluatedForItsKind()
    {
        var snapshot = Catalogues.Get(5).Snapshot;
        var everything = new NotFilter(new OrFilter([]));
        AssertSameAsCohorts(snapshot, new CriteriaMatcher(snapshot), new CohortCriteria(everything, everything));
    }

    private static void AssertSameAsCohorts(CatalogSnapshot snapshot, CriteriaMatcher matcher, CohortCriteria question)
    {
        (Bitset, Bitset) expected;
        try
        {
            expected = Cohorts.Match(snapshot, question);
        }
        catch (CatalogQueryException refused)
        {
            Assert.Equal(refused.Message, Assert.Throws<CatalogQueryException>(() => matcher.Match(question)).Message);
            return;
        }

        var (expectedPatients, expectedSeries) = expected;
        var (actualPatients, actualSeries) = matcher.Match(question);
        Assert.Equal(expectedPatients.Ordinals(), actualPatients.Ordinals());
        Assert.Equal(expectedSeries.Ordinals(), actualSeries.Ordinals());
    }

    private static IEnumerable<Filter?> WithoutEach(Filter? filter) => filter is AndFilter { Items.Count: > 1 } and
        ? and.Items.Select((_, i) => (Filter?)new AndFilter([.. and.Items.Where((_, j) => j != i)]))
        : [null];
}
