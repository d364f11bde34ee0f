using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>What a cohort asks for: patients that match, and (optionally) which of their series to include.</summary>
/// <param name="Patients">Conditions on patients; null for every patient.</param>
/// <param name="Series">Conditions on series; a patient is selected only if some series matches, and only matching series are included.</param>
public sealed record CohortCriteria(Filter? Patients, Filter? Series);

/// <summary>The patients a cohort's criteria select and their matching series, as nodes of the snapshot (the caller's view) they
/// were selected in: what saving a cohort freezes.</summary>
/// <param name="Patients">The selected patients, in entry order.</param>
/// <param name="Series">Their series that match, in entry order.</param>
public sealed record CohortMembers(IReadOnlyList<GraphNode> Patients, IReadOnlyList<GraphNode> Series);

/// <summary>The nodes a cohort selects at every level, with the total size of its series.</summary>
internal sealed record CohortSelection(Bitset Patients, Bitset Studies, Bitset Series, Bitset Datasets, Bitset Repositories, long TotalBytes);

/// <summary>Evaluates cohort criteria over a snapshot.</summary>
public static class Cohorts
{
    private static readonly RelationField SeriesStudy = RelationField.Find(GraphModel.Series, "study")!;
    private static readonly RelationField SeriesPatient = RelationField.Find(GraphModel.Series, "patient")!;
    private static readonly RelationField PatientDatasets = RelationField.Find(GraphModel.Patient, "datasets")!;
    private static readonly RelationField DatasetRepository = RelationField.Find(GraphModel.Dataset, "repository")!;
    private static readonly RelationField CohortPatients = RelationField.Find(GraphModel.Cohort, "patients")!;
    private static readonly RelationField CohortSeries = RelationField.Find(GraphModel.Cohort, "series")!;

    /// <summary>The patients the criteria select in <paramref name="snapshot"/> and their matching series.</summary>
    /// <exception cref="CatalogQueryException">The criteria name an unknown field or concept, or compare with a wrong value.</exception>
    public static CohortMembers Members(CatalogSnapshot snapshot, CohortCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(criteria);
        ConceptCheck.RequireKnown(snapshot, criteria);
        var selection = Select(snapshot, criteria);
        return new CohortMembers(snapshot.Nodes(GraphModel.Patient, selection.Patients).ToList(), snapshot.Nodes(GraphModel.Series, selection.Series).ToList());
    }

    /// <summary>A saved cohort's series in the snapshot its node comes from (the caller's view), in entry order: those frozen with
    /// its version, or, for a cohort saved before versions, its members' series that match <paramref name="seriesCriteria"/> now.</summary>
    public static IEnumerable<GraphNode> SeriesOf(GraphNode cohort, Filter? seriesCriteria)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var snapshot = cohort.Snapshot;
        var series = Disclosure.ProtectedCatalog.IsFrozen(cohort)
            ? snapshot.RelatedSet(cohort, CohortSeries)
            : FromPatients(snapshot, snapshot.RelatedSet(cohort, CohortPatients), FilterEvaluator.Evaluate(snapshot, GraphModel.Series, seriesCriteria)).Series;
        return snapshot.Nodes(GraphModel.Series, series);
    }

    /// <summary>The datasets a saved cohort's members (those its snapshot shows) come from, in entry order.</summary>
    public static IEnumerable<GraphNode> DatasetsOf(GraphNode cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var snapshot = cohort.Snapshot;
        return snapshot.Nodes(GraphModel.Dataset, Traversal.ReachedFrom(snapshot, PatientDatasets, snapshot.RelatedSet(cohort, CohortPatients)));
    }

    /// <summary>Selects the cohort's patients, their matching series, and the studies, datasets and repositories those belong to.</summary>
    internal static CohortSelection Select(CatalogSnapshot snapshot, CohortCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(criteria);
        // Clause results, and the patients that have a matching series, come from the snapshot's cache as facets' clauses do:
        // a user refining a cohort sends the same criteria again and again while the catalogue stays the same.
        var (patients, seriesMatch) = Match(snapshot, criteria);
        return FromPatients(snapshot, patients, seriesMatch);
    }

    /// <summary>The patients the criteria select and every series that matches the series criteria (of any patient): the
    /// selected series are those of the selected patients.</summary>
    internal static (Bitset Patients, Bitset SeriesMatch) Match(CatalogSnapshot snapshot, CohortCriteria criteria)
    {
        var patients = new Clauses(snapshot, GraphModel.Patient, criteria.Patients).All();
        var seriesMatch = new Clauses(snapshot, GraphModel.Series, criteria.Series).All();
        if (criteria.Series is not null)
            patients.And(PatientsWithAny(snapshot, criteria.Series, seriesMatch));
        return (patients, seriesMatch);
    }

    /// <summary>The patients that have a series among those matching the series criteria (kept as clause results are: shared, read only).</summary>
    internal static Bitset PatientsWithAny(CatalogSnapshot snapshot, Filter series, Bitset seriesMatch)
    {
        var key = $"cohort-patients:{FilterKey.Of(series)}";
        if (snapshot.Derived.TryGetValue(key, out var cached))
            return (Bitset)cached;
        var result = Traversal.SingleTargets(snapshot, SeriesPatient, seriesMatch);
        if (snapshot.Sightings.Again(key) && Clauses.MakeRoom(snapshot) && snapshot.Derived.TryAdd(key, result))
            snapshot.KeptEvictable(key);
        return result;
    }

    /// <summary>The series of the patients among those that match the series criteria.</summary>
    internal static Bitset SeriesOf(CatalogSnapshot snapshot, Bitset patients, Bitset seriesMatch) =>
        Traversal.WithTargetIn(seriesMatch, FieldPath.SingleMap(snapshot, GraphModel.Series, [SeriesPatient]), patients);

    /// <summary>The selection of a fixed set of patients (a saved cohort's members), with the series that match.</summary>
    internal static CohortSelection FromPatients(CatalogSnapshot snapshot, Bitset patients, Bitset seriesMatch)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // Series and studies have one patient and one study each: the snapshot's maps give them.
        var series = SeriesOf(snapshot, patients, seriesMatch);
        var studies = Traversal.SingleTargets(snapshot, SeriesStudy, series);
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
