using System.Globalization;
using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Studies;

/// <summary>What the catalogue holds of the studies and series a run is about to write: the patient of each study and the
/// study of each series, so that a later run never gives a study a second patient nor a series a second study, and the
/// modalities of each study and counts of each series, so that a later run adds to them rather than replacing them.</summary>
/// <remarks>
/// Each question is one keyed read of the store (<see cref="ReadScope.Keys"/>): the studies and series of the UIDs not
/// asked about before, and the HAS_STUDY and HAS_SERIES relationships that end at them, so its cost follows the UIDs asked,
/// not the size of the catalogue. What the run writes is recorded as it is written. Used by file ingest and harvest alike.
/// </remarks>
internal sealed class StoredStudies(IGraphStore store)
{
    private static readonly ReadScope Scope = new([GraphModel.Study.Label, GraphModel.Series.Label], ["HAS_STUDY", "HAS_SERIES"]);

    private readonly Dictionary<string, HashSet<string>> _patientsOfStudy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _studiesOfSeries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _modalities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Images, long Bytes)> _counts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _askedStudies = new(StringComparer.Ordinal);
    private readonly HashSet<string> _askedSeries = new(StringComparer.Ordinal);

    /// <summary>Asks the store about the studies and series of some plans not asked about yet.</summary>
    public Task LookUpAsync(IReadOnlyCollection<StudyPlan> plans, CancellationToken cancellationToken) =>
        LookUpAsync(plans.Select(p => p.Study.Uid), plans.SelectMany(p => p.Series).Select(s => s.Uid), cancellationToken);

    /// <summary>Asks the store about the studies and series not asked about yet.</summary>
    public async Task LookUpAsync(IEnumerable<string> studyUids, IEnumerable<string> seriesUids, CancellationToken cancellationToken)
    {
        var studies = studyUids.Where(_askedStudies.Add).ToHashSet(StringComparer.Ordinal);
        var series = seriesUids.Where(_askedSeries.Add).ToHashSet(StringComparer.Ordinal);
        if (studies.Count == 0 && series.Count == 0)
            return;
        var sink = new Finder(this, studies, series);
        await store.ReadAllAsync(sink, Scope.OfKeys(studies.Concat(series)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the catalogue holds a study under another patient than the one given.</summary>
    public bool HeldByAnotherPatient(string study, string patient) =>
        _patientsOfStudy.TryGetValue(study, out var patients) && !patients.Contains(patient);

    /// <summary>Whether the catalogue holds a series under another study than the one given.</summary>
    public bool HeldByAnotherStudy(string series, string study) =>
        _studiesOfSeries.TryGetValue(series, out var studies) && !studies.Contains(study);

    /// <summary>Why the catalogue cannot take the plan's study whole, or null when it can; the reason names UIDs only.</summary>
    public string? Conflict(StudyPlan plan)
    {
        if (HeldByAnotherPatient(plan.Study.Uid, plan.Patient.Pseudonym))
            return StudyConflict(plan.Study.Uid);
        return plan.Series.FirstOrDefault(s => HeldByAnotherStudy(s.Uid, plan.Study.Uid)) is { } series ? SeriesConflict(series.Uid) : null;
    }

    /// <summary>The reason for the files of a study the catalogue holds under another patient (never the patient's pseudonym).</summary>
    public static string StudyConflict(string study) =>
        $"study {study} belongs to another patient in the catalogue (a study has one patient); not written";

    /// <summary>The reason for the files of a series the catalogue holds under another study.</summary>
    public static string SeriesConflict(string series) =>
        $"series {series} belongs to another study in the catalogue (a series has one study); not written";

    /// <summary>The modalities the catalogue holds for a study (none when it does not hold it).</summary>
    public IReadOnlyList<string> Modalities(string study) => _modalities.GetValueOrDefault(study) ?? [];

    /// <summary>The image count and size the catalogue holds for a series, or null when it does not hold it.</summary>
    public (long Images, long Bytes)? Counts(string series) => _counts.TryGetValue(series, out var counts) ? counts : null;

    /// <summary>Records a study written with its patient and series.</summary>
    public void Written(StudyPlan plan)
    {
        Add(_patientsOfStudy, plan.Study.Uid, plan.Patient.Pseudonym);
        foreach (var series in plan.Series)
            Add(_studiesOfSeries, series.Uid, plan.Study.Uid);
    }

    private static void Add(Dictionary<string, HashSet<string>> owners, string key, string owner)
    {
        if (!owners.TryGetValue(key, out var set))
            owners.Add(key, set = new HashSet<string>(StringComparer.Ordinal));
        set.Add(owner);
    }

    private sealed class Finder(StoredStudies stored, HashSet<string> studies, HashSet<string> series) : IChangeSink
    {
        public void Node(StoredNode node)
        {
            if (node.Deleted)
                return;
            var record = node.Node;
            if (record.Label == GraphModel.Study.Label && studies.Contains(record.Key) && record["modalitiesInStudy"] is IEnumerable<string> modalities)
                stored._modalities[record.Key] = modalities.ToArray();
            else if (record.Label == GraphModel.Series.Label && series.Contains(record.Key))
                stored._counts[record.Key] = (Convert.ToInt64(record["imageCount"] ?? 0L, CultureInfo.InvariantCulture), Convert.ToInt64(record["sizeBytes"] ?? 0L, CultureInfo.InvariantCulture));
        }

        public void Edge(StoredEdge edge)
        {
            if (edge.Deleted)
                return;
            var (from, to) = (edge.Edge.From, edge.Edge.To);
            if (edge.Edge.Type == "HAS_STUDY" && to.Label == GraphModel.Study.Label && studies.Contains(to.Key))
                Add(stored._patientsOfStudy, to.Key, from.Key);
            else if (edge.Edge.Type == "HAS_SERIES" && to.Label == GraphModel.Series.Label && series.Contains(to.Key))
                Add(stored._studiesOfSeries, to.Key, from.Key);
        }
    }
}
