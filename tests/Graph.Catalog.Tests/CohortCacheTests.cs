using CsCheck;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Tests;

/// <summary>Cohorts take clause results and the patients reaching matching series from the snapshot's cache: answers must be
/// those of an evaluation without it, however the cache was filled before.</summary>
public sealed class CohortCacheTests
{
    private static readonly RelationField PatientSeries = RelationField.Find(GraphModel.Patient, "series")!;

    [Fact]
    public void Select_CriteriaSeenBefore_GivesTheUncachedAnswer() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int, Gen.Int, Gen.Int).Sample((seed, seriesSeed, patientSeed, otherSeed) =>
        {
            var snapshot = Catalogues.Get(seed).Snapshot;
            var series = RandomFilters.Make(new Random(seriesSeed), GraphModel.Series);
            var patients = RandomFilters.Make(new Random(patientSeed), GraphModel.Patient);
            var seriesMatch = FilterEvaluator.Evaluate(snapshot, GraphModel.Series, series);
            var expected = FilterEvaluator.Evaluate(snapshot, GraphModel.Patient, patients).And(Traversal.ReachingAny(snapshot, PatientSeries, seriesMatch));

            // Fill the cache with the same series criteria under other patient criteria, then ask twice.
            Cohorts.Select(snapshot, new CohortCriteria(RandomFilters.Make(new Random(otherSeed), GraphModel.Patient), series));
            var first = Cohorts.Select(snapshot, new CohortCriteria(patients, series));
            var second = Cohorts.Select(snapshot, new CohortCriteria(patients, series));

            Assert.Equal(expected.Ordinals(), first.Patients.Ordinals());
            Assert.Equal(expected.Ordinals(), second.Patients.Ordinals());
            Assert.Equal(first.Series.Ordinals(), second.Series.Ordinals());
            Assert.Equal(first.TotalBytes, second.TotalBytes);
        }, iter: 300);
}
