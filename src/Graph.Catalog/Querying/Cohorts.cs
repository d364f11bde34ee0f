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
        // Clause results, and the patients that have a matching series, come from the snapshot's cache as facets' clauses do:
        // a user refining a cohort sends the same criteria again and again while the catalogue stays the same.
        var patients = new Clauses(snapshot, GraphModel.Patient, criteria.Patients).All();
        var seriesMatch = new Clauses(snapshot, GraphModel.Series, criteria.Series).All();
        if (criteria.Series is not null)
            patients.And(PatientsWithAny(snapshot, criteria.Series, seriesMatch));
        return FromPatients(snapshot, patients, seriesMatch);
    }

    // The cached set is shared: it is only ever read (And with it), never changed.
    private static Bitset PatientsWithAny(CatalogSnapshot snapshot, Filter series, Bitset seriesMatch)
    {
        var key = $"cohort-patients:{FilterKey.Of(series)}";
        if (snapshot.Derived.TryGetValue(key, out var cached))
            return (Bitset)cached;
        var result = Traversal.ReachingAny(snapshot, PatientSeries, seriesMatch);
        if (snapshot.Derived.Count < Clauses.CacheSize)
            snapshot.Derived.TryAdd(key, result);
        return result;
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
