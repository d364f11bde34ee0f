using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>What a cohort asks for: patients that match, and (optionally) which of their series to include.</summary>
/// <param name="Patients">Conditions on patients; null for every patient.</param>
/// <param name="Series">Conditions on series; a patient is selected only if some series matches, and only matching series are included.</param>
public sealed record CohortCriteria(Filter? Patients, Filter? Series);

/// <summary>The nodes a cohort selects at every level, with the total size of its series.</summary>
public sealed record CohortSelection(Bitset Patients, Bitset Studies, Bitset Series, Bitset Datasets, Bitset Repositories, long TotalBytes);

/// <summary>Evaluates cohort criteria over a snapshot.</summary>
public static class Cohorts
{
    private static readonly RelationField PatientSeries = RelationField.Find(GraphModel.Patient, "series")!;
    private static readonly RelationField SeriesStudy = RelationField.Find(GraphModel.Series, "study")!;
    private static readonly RelationField PatientDatasets = RelationField.Find(GraphModel.Patient, "datasets")!;
    private static readonly RelationField DatasetRepository = RelationField.Find(GraphModel.Dataset, "repository")!;

    /// <summary>Selects the cohort's patients, their matching series, and the studies, datasets and repositories those belong to.</summary>
    public static CohortSelection Select(CatalogSnapshot snapshot, CohortCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(criteria);
        var patients = FilterEvaluator.Evaluate(snapshot, GraphModel.Patient, criteria.Patients);
        var seriesMatch = FilterEvaluator.Evaluate(snapshot, GraphModel.Series, criteria.Series);
        if (criteria.Series is not null)
            patients.And(Traversal.ReachingAny(snapshot, PatientSeries, seriesMatch));
        return FromPatients(snapshot, patients, seriesMatch);
    }

    /// <summary>The selection of a fixed set of patients (a saved cohort's members), with the series that match.</summary>
    public static CohortSelection FromPatients(CatalogSnapshot snapshot, Bitset patients, Bitset seriesMatch)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var series = Traversal.ReachedFrom(snapshot, PatientSeries, patients).And(seriesMatch);
        var studies = Traversal.ReachedFrom(snapshot, SeriesStudy, series);
        var datasets = Traversal.ReachedFrom(snapshot, PatientDatasets, patients);
        var repositories = Traversal.ReachedFrom(snapshot, DatasetRepository, datasets);
        var size = (NumberColumn)snapshot.Table(GraphModel.Series).Column("sizeBytes")!;
        long bytes = 0;
        for (var s = series.NextFrom(0); s >= 0; s = series.NextFrom(s + 1))
        {
            var value = size.Value(s);
            if (!double.IsNaN(value))
                bytes += (long)value;
        }

        return new CohortSelection(patients, studies, series, datasets, repositories, bytes);
    }
}
