using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>What <see cref="Cohorts.Match"/> selects, for questions that differ in a few conditions: each top-level clause (as
/// <see cref="Clauses"/> splits a filter), and the series criteria with the patients that have a series they match, is evaluated
/// once and reused while it is the same instance.</summary>
/// <remarks>The disclosure layer evaluates a question again without each of its conditions; the rest of the question stays the
/// same instances, so each evaluation costs the clause that changed and an intersection.</remarks>
internal sealed class CriteriaMatcher(CatalogSnapshot snapshot)
{
    private readonly Dictionary<Filter, Bitset> _patientClauses = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Filter, Bitset> _seriesClauses = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Filter, Bitset> _seriesMatches = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Filter, Bitset> _seriesPatients = new(ReferenceEqualityComparer.Instance);

    /// <summary>The snapshot the criteria are evaluated over.</summary>
    public CatalogSnapshot Snapshot { get; } = snapshot;

    /// <summary>The patients the criteria select (a new set) and every series that matches the series criteria (shared: read only).</summary>
    public (Bitset Patients, Bitset SeriesMatch) Match(CohortCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var patients = Patients(criteria.Patients);
        var match = SeriesMatch(criteria.Series);
        if (criteria.Series is null)
            return (patients, match);
        if (!_seriesPatients.TryGetValue(criteria.Series, out var having))
            _seriesPatients[criteria.Series] = having = Cohorts.PatientsWithAny(Snapshot, criteria.Series, match);
        return (patients.And(having), match);
    }

    /// <summary>The patients that match patient criteria, whatever their series (a new set).</summary>
    public Bitset Patients(Filter? patients) => All(GraphModel.Patient, patients);

    /// <summary>The series that match series criteria, of any patient (shared: read only).</summary>
    public Bitset SeriesMatch(Filter? series)
    {
        if (series is null)
            return All(GraphModel.Series, null);
        if (!_seriesMatches.TryGetValue(series, out var match))
            _seriesMatches[series] = match = All(GraphModel.Series, series);
        return match;
    }

    private Bitset All(NodeKind kind, Filter? filter)
    {
        var result = FilterEvaluator.Evaluate(Snapshot, kind, null);
        var clauses = kind == GraphModel.Patient ? _patientClauses : _seriesClauses;
        foreach (var clause in Clauses.Split(filter))
        {
            if (!clauses.TryGetValue(clause, out var matches))
                clauses[clause] = matches = Clauses.Cached(Snapshot, kind, clause);
            result.And(matches);
        }

        return result;
    }
}
