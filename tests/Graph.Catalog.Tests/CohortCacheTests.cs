using CsCheck;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Tests;

/// <summary>Cohorts take clause results and the patients reaching matching series from the snapshot's cache, and walk a series'
/// one patient and one study by the snapshot's maps: answers must be those of an evaluation without either (walking the
/// relationships themselves), however the cache was filled before.</summary>
public sealed class CohortCacheTests
{
    private static readonly RelationField PatientSeries = RelationField.Find(GraphModel.Patient, "series")!;
    private static readonly RelationField SeriesStudy = RelationField.Find(GraphModel.Series, "study")!;
    private static readonly RelationField PatientDatasets = RelationField.Find(GraphModel.Patient, "datasets")!;

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

            var expectedSeries = Traversal.ReachedFrom(snapshot, PatientSeries, expected).And(seriesMatch);
            var size = (Storage.NumberColumn)snapshot.Table(GraphModel.Series).Column("sizeBytes")!;
            var expectedBytes = expectedSeries.Ordinals().Select(size.Value).Where(v => !double.IsNaN(v)).Sum(v => (long)v);
            foreach (var selection in new[] { first, second })
            {
                Assert.Equal(expected.Ordinals(), selection.Patients.Ordinals());
                Assert.Equal(expectedSeries.Ordinals(), selection.Series.Ordinals());
                Assert.Equal(Traversal.ReachedFrom(snapshot, SeriesStudy, expectedSeries).Ordinals(), selection.Studies.Ordinals());
                Assert.Equal(Traversal.ReachedFrom(snapshot, PatientDatasets, expected).Ordinals(), selection.Datasets.Ordinals());
                Assert.Equal(expectedBytes, selection.TotalBytes);
            }
        }, iter: 300);
}
