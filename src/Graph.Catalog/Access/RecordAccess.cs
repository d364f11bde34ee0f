using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Access;

/// <summary>Which records a caller may read: every record, or the patient-level records of some tiers' datasets plus granted
/// ones and the cohorts the caller owns.</summary>
/// <remarks>
/// Patient-level kinds (patients, diagnoses, studies, series, annotations) belong to the datasets that include their
/// patient; a record is readable when one of those datasets is. Harvest runs, which count a repository's studies of every tier,
/// are readable only by callers who read every record. A cohort is readable by its owner, by the callers a SHARED cohort
/// names, by everyone when PUBLIC, and with <see cref="Everything"/>; anonymous callers read only PUBLIC ones. Other catalogue-level kinds are readable by everyone.
/// </remarks>
public sealed class RecordAccess
{
    private const string CohortReadersKey = "cohort-readers";

    private RecordAccess(bool everything, IReadOnlySet<string> tiers, IReadOnlySet<string> grants, string? owner)
    {
        IsEverything = everything;
        Tiers = tiers;
        Grants = grants;
        Owner = owner;
        Signature = everything ? "all" : $"tiers:{string.Join(',', tiers.Order(StringComparer.Ordinal))}|grants:{string.Join(',', grants.Order(StringComparer.Ordinal))}";
    }

    /// <summary>Access to every record (curators and administrators).</summary>
    public static RecordAccess Everything { get; } = new(true, new HashSet<string>(), new HashSet<string>(), null);

    /// <summary>The owner (as saved cohorts record it) whose cohorts are readable; null: no cohort is (anonymous callers).</summary>
    public string? Owner { get; }

    /// <summary>Whether every record is readable regardless of tier and grants.</summary>
    public bool IsEverything { get; }

    /// <summary>The access tiers readable without a grant.</summary>
    public IReadOnlySet<string> Tiers { get; }

    /// <summary>The slugs of datasets granted to the caller.</summary>
    public IReadOnlySet<string> Grants { get; }

    /// <summary>A stable text that two accesses reading the same patient-level records share (a cache key); cohorts aside.</summary>
    public string Signature { get; }

    /// <summary>The kinds whose records belong to datasets through their patient.</summary>
    public static IReadOnlyList<NodeKind> PatientLevelKinds { get; } =
        [GraphModel.Patient, GraphModel.Diagnosis, GraphModel.Study, GraphModel.Series, GraphModel.Annotation];

    /// <summary>Access to the datasets of some tiers and to granted datasets, and to the cohorts of <paramref name="owner"/> (none when null).</summary>
    public static RecordAccess Of(IEnumerable<string> tiers, IEnumerable<string> grants, string? owner = null) =>
        new(false, tiers.ToHashSet(StringComparer.Ordinal), grants.ToHashSet(StringComparer.Ordinal), owner);

    /// <summary>The access a <see cref="Signature"/> describes; null when the text is not one.</summary>
    public static RecordAccess? FromSignature(string? signature)
    {
        if (signature == "all")
            return Everything;
        if (signature is null || !signature.StartsWith("tiers:", StringComparison.Ordinal))
            return null;
        var bar = signature.IndexOf("|grants:", StringComparison.Ordinal);
        if (bar < 0)
            return null;
        static string[] Items(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return Of(Items(signature[6..bar]), Items(signature[(bar + 8)..]));
    }

    /// <summary>Whether the records of a dataset with this slug and access tier are readable.</summary>
    public bool CanRead(string slug, string? tier) =>
        IsEverything || Grants.Contains(slug) || Tiers.Contains(tier ?? GraphModel.AccessTiers[^1]);

    /// <summary>The snapshot as this caller sees it: unreadable patient-level records and other callers' cohorts are absent
    /// (cached per snapshot: one view per access signature, and one more per caller who owns or is shown cohorts).</summary>
    public CatalogSnapshot View(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (IsEverything)
            return snapshot;
        var records = RecordsView(snapshot);
        if (snapshot.Count(GraphModel.Cohort) == 0)
            return records;
        var (cohorts, reader) = ReadableCohorts(snapshot);
        return (CatalogSnapshot)snapshot.Derived.GetOrAdd($"view:{Signature}|cohorts:{reader}", _ =>
            records.Restrict(new Dictionary<NodeKind, Bitset> { [GraphModel.Cohort] = cohorts }));
    }

    /// <summary>The whole snapshot with other callers' cohorts absent: what aggregates count, so that no condition or facet
    /// through cohorts reaches a cohort this caller may not read (cached per snapshot, like <see cref="View"/>).</summary>
    internal CatalogSnapshot WithReadableCohorts(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (IsEverything || snapshot.Count(GraphModel.Cohort) == 0)
            return snapshot;
        var (cohorts, reader) = ReadableCohorts(snapshot);
        if (cohorts.Count() == snapshot.Count(GraphModel.Cohort))
            return snapshot;
        return (CatalogSnapshot)snapshot.Derived.GetOrAdd($"cohorts:{reader}", _ =>
            snapshot.Restrict(new Dictionary<NodeKind, Bitset> { [GraphModel.Cohort] = cohorts }));
    }

    /// <summary>Whether this caller reads fewer patient-level records than exist in the snapshot (so aggregate counts are protected).</summary>
    public bool IsRestricted(CatalogSnapshot snapshot) => !IsEverything && !ReferenceEquals(RecordsView(snapshot), snapshot);

    private CatalogSnapshot RecordsView(CatalogSnapshot snapshot) =>
        (CatalogSnapshot)snapshot.Derived.GetOrAdd($"view:{Signature}", _ => Restrict(snapshot));

    // The cohorts this caller reads, and the reader they are kept for ("" for those who read the public ones only).
    private (Bitset Cohorts, string Reader) ReadableCohorts(CatalogSnapshot snapshot)
    {
        var (readers, everyone) = CohortReaders(snapshot);
        return Owner is not null && readers.TryGetValue(Owner, out var own) ? (own, Owner) : (everyone, "");
    }

    // Per snapshot: the cohorts each named caller reads (its own, those shared with it, the public ones), and the public ones.
    private static (Dictionary<string, Bitset> Readers, Bitset Public) CohortReaders(CatalogSnapshot snapshot) =>
        ((Dictionary<string, Bitset>, Bitset))snapshot.Derived.GetOrAdd(CohortReadersKey, _ =>
        {
            var cohorts = snapshot.Table(GraphModel.Cohort);
            var everyone = new Bitset(cohorts.Count);
            var named = new Dictionary<string, Bitset>(StringComparer.Ordinal);
            void Add(string reader, int ordinal)
            {
                if (!named.TryGetValue(reader, out var set))
                    named[reader] = set = new Bitset(cohorts.Count);
                set.Add(ordinal);
            }

            foreach (var ordinal in cohorts.LiveSet())
            {
                var visibility = cohorts.Get(ordinal, "visibility") as string;
                if (visibility == "PUBLIC")
                    everyone.Add(ordinal);
                if (cohorts.Get(ordinal, "owner") is string owner)
                    Add(owner, ordinal);
                if (visibility == "SHARED" && cohorts.Get(ordinal, "sharedWith") is IEnumerable<string> shared)
                {
                    foreach (var reader in shared)
                        Add(reader, ordinal);
                }
            }

            foreach (var set in named.Values)
                set.Or(everyone);
            return (named, everyone);
        });

    private CatalogSnapshot Restrict(CatalogSnapshot snapshot)
    {
        var datasets = snapshot.Table(GraphModel.Dataset);
        var readable = new Bitset(datasets.Count);
        var all = true;
        foreach (var ordinal in datasets.LiveSet())
        {
            if (CanRead(datasets.Key(ordinal), datasets.Get(ordinal, "accessTier") as string))
                readable.Add(ordinal);
            else
                all = false;
        }

        var patients = Traversal.ReachedFrom(snapshot, RelationField.Find(GraphModel.Dataset, "patients")!, readable);
        if (all && patients.Count() == snapshot.Count(GraphModel.Patient))
            return snapshot;
        var studies = Traversal.ReachedFrom(snapshot, RelationField.Find(GraphModel.Patient, "studies")!, patients);
        var visible = new Dictionary<NodeKind, Bitset>
        {
            [GraphModel.Patient] = patients,
            [GraphModel.Study] = studies,
            [GraphModel.Diagnosis] = Traversal.ReachedFrom(snapshot, RelationField.Find(GraphModel.Patient, "diagnoses")!, patients),
        };
        visible[GraphModel.Series] = Traversal.ReachedFrom(snapshot, RelationField.Find(GraphModel.Study, "series")!, studies);
        visible[GraphModel.Annotation] = Traversal.ReachingAny(snapshot, RelationField.Find(GraphModel.Annotation, "series")!, visible[GraphModel.Series]);
        // A harvest run counts a repository's studies of every tier, exactly: operators' data, not for callers who may not read them all.
        visible[GraphModel.HarvestRun] = new Bitset(snapshot.Table(GraphModel.HarvestRun).Count);
        return snapshot.Restrict(visible);
    }
}
