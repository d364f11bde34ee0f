using Graph.Catalog.Access;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Disclosure;

/// <summary>Cohort versions: frozen series and the difference between two versions.</summary>
public sealed partial class ProtectedCatalog
{
    private static readonly RelationField CohortSeries = RelationField.Find(GraphModel.Cohort, "series")!;
    private static readonly RelationField SeriesPatient = RelationField.Find(GraphModel.Series, "patient")!;

    /// <summary>Whether a cohort's series were frozen when it was saved (every cohort saved with a version).</summary>
    public static bool IsFrozen(GraphNode cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return cohort["version"] is not null;
    }

    /// <summary>Patients and series in <paramref name="b"/> but not in <paramref name="a"/> (added) and the reverse (removed): the
    /// ones the caller may read listed, every count through the protection layer.</summary>
    public CohortDiff Diff(GraphNode a, GraphNode b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (patientsA, patientsB) = (MembersOf(a), MembersOf(b));
        var (seriesA, seriesB) = (SeriesOf(a, patientsA), SeriesOf(b, patientsB));
        var layers = Layers([(GraphModel.Patient, new SetFilter(patientsA, $"members:{a.Key}")), (GraphModel.Patient, new SetFilter(patientsB, $"members:{b.Key}"))]);
        return new CohortDiff(
            Change(GraphModel.Patient, patientsB.Clone().AndNot(patientsA), "diff:patients-added", layers),
            Change(GraphModel.Patient, patientsA.Clone().AndNot(patientsB), "diff:patients-removed", layers),
            Change(GraphModel.Series, seriesB.Clone().AndNot(seriesA), "diff:series-added", layers),
            Change(GraphModel.Series, seriesA.Clone().AndNot(seriesB), "diff:series-removed", layers));
    }

    /// <summary>The live series frozen with a cohort version.</summary>
    internal Bitset FrozenSeriesOf(GraphNode cohort) =>
        Bitset.Of(Full.Table(GraphModel.Series).Count, Traversal.Related(Full, CohortSeries, cohort.Ordinal));

    // A cohort saved before versions froze no series: its members' series stand for them.
    private Bitset SeriesOf(GraphNode cohort, Bitset patients) =>
        IsFrozen(cohort) ? FrozenSeriesOf(cohort) : Cohorts.FromPatients(Full, patients, Full.Table(GraphModel.Series).LiveSet()).Series;

    private CohortChange Change(NodeKind kind, Bitset records, string tag, double layers)
    {
        var readable = records.Clone().And(ReadableSet(kind));
        if (IsExact)
            return new CohortChange(kind, readable, Readable, ProtectedCount.Of(records.Count()));
        var unreadable = records.Clone().AndNot(readable);
        var owners = kind == GraphModel.Patient ? unreadable : Traversal.ReachedFrom(Full, SeriesPatient, unreadable);
        var hash = KeyHashes.Of(Full.Table(kind)).Hash(unreadable);
        var count = Protector.Count(new SplitCount(readable.Count(), unreadable.Count(), owners.Count()), layers + Noise.Of(tag, hash));
        return new CohortChange(kind, readable, Readable, count);
    }
}

/// <summary>What changed between two cohort versions.</summary>
/// <param name="PatientsAdded">Patients in the second, not the first.</param>
/// <param name="PatientsRemoved">Patients in the first, not the second.</param>
/// <param name="SeriesAdded">Series in the second, not the first.</param>
/// <param name="SeriesRemoved">Series in the first, not the second.</param>
public sealed record CohortDiff(CohortChange PatientsAdded, CohortChange PatientsRemoved, CohortChange SeriesAdded, CohortChange SeriesRemoved);

/// <summary>Records added or removed: those the caller may read, and the protected count of all of them.</summary>
public sealed class CohortChange
{
    private readonly Bitset _readable;
    private readonly CatalogSnapshot _view;

    internal CohortChange(NodeKind kind, Bitset readable, CatalogSnapshot view, ProtectedCount count)
    {
        Kind = kind;
        _readable = readable;
        _view = view;
        Count = count;
    }

    /// <summary>The kind of the records.</summary>
    public NodeKind Kind { get; }

    /// <summary>How many there are: the readable ones exactly, the rest protected.</summary>
    public ProtectedCount Count { get; }

    /// <summary>How many of them the caller may read (and gets listed).</summary>
    public int ReadableCount => _readable.Count();

    /// <summary>The first <paramref name="first"/> records the caller may read, in catalogue order, from the caller's view.</summary>
    public IEnumerable<GraphNode> Readable(int first) =>
        _readable.Ordinals().Take(first).Select(o => _view.At(Kind, o)).OfType<GraphNode>();
}
