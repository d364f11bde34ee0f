using Graph.Catalog.Access;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Disclosure;

/// <summary>The aggregates of one snapshot as one caller may see them: exact over the records the caller may read, protected over the rest.</summary>
public sealed partial class ProtectedCatalog
{
    private static readonly RelationField CohortMembers = RelationField.Find(GraphModel.Cohort, "patients")!;
    // The relationship fields of other kinds that lead into cohorts: a question that names none of them counts the same over
    // the whole catalogue as over the catalogue without other callers' cohorts.
    private static readonly HashSet<string> CohortFields = [.. GraphModel.NodeKinds.Where(k => k != GraphModel.Cohort)
        .SelectMany(RelationField.Of).Where(f => f.Steps.Any(s => s.Target == GraphModel.Cohort)).Select(f => f.Name)];

    private readonly Dictionary<NodeKind, Bitset> _readable = [];
    private readonly RecordAccess _access;
    private readonly Lazy<CatalogSnapshot> _withReadableCohorts;

    internal ProtectedCatalog(CatalogSnapshot full, RecordAccess access, DisclosureOptions options, StickyNoise noise)
    {
        Full = full;
        _withReadableCohorts = new(() => access.WithReadableCohorts(full));
        _access = access;
        Readable = access.View(full);
        Noise = noise;
        Protector = new Protector(options, !access.IsRestricted(full));
        Options = options;
    }

    /// <summary>The snapshot as the caller sees it: records the caller may not read are absent.</summary>
    public CatalogSnapshot Readable { get; }

    /// <summary>Whether the caller may read every record, so that every aggregate is exact.</summary>
    public bool IsExact => Protector.Exact;

    /// <summary>The catalogue version the answers reflect.</summary>
    public long CatalogueVersion => Full.Sequence;

    /// <summary>How answers without identifying conditions are protected.</summary>
    public Protection Protection => ProtectionWith([]);

    /// <summary>The whole catalogue, every record and every cohort: what aggregates count unless they go through cohorts (<see cref="Over"/>).</summary>
    internal CatalogSnapshot Full { get; }

    /// <summary>The catalogue an aggregate counts: with <paramref name="cohorts"/> (a condition, facet or count that goes through
    /// cohorts) the whole catalogue without other callers' cohorts, in its readable and its protected part, since such a
    /// question would otherwise name them, read their text or tell who is in them; else <see cref="Full"/>, whose caches carry
    /// across commits (the one without those cohorts starts its own after every commit).</summary>
    internal CatalogSnapshot Over(bool cohorts) => cohorts ? _withReadableCohorts.Value : Full;

    /// <summary>Whether a condition may go through cohorts: it names a relationship field that leads into them (a value that
    /// happens to spell one only costs the cohort-free catalogue's caches).</summary>
    internal static bool ReachesCohorts(Filter? filter) =>
        filter is not null && FilterKey.Of(filter).Split(NotNamePart, StringSplitOptions.RemoveEmptyEntries).Any(CohortFields.Contains);

    /// <summary>Whether a field path goes through cohorts.</summary>
    internal static bool ReachesCohorts(FieldPath path) => path.Relations.Any(r => r.Target == GraphModel.Cohort);

    private static readonly char[] NotNamePart = [.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiLetterOrDigit(c) && c != '_')];

    internal StickyNoise Noise { get; }

    internal Protector Protector { get; }

    internal DisclosureOptions Options { get; }

    /// <summary>How many nodes of a kind the catalogue holds: protected for patient-level kinds, exact for catalogue-level ones (public metadata).</summary>
    public ProtectedCount Count(NodeKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (IsExact || !RecordAccess.PatientLevelKinds.Contains(kind))
            return ProtectedCount.Of(Over(kind == GraphModel.Cohort).Count(kind));
        var readable = Readable.Count(kind);
        var unreadablePatients = Full.Table(GraphModel.Patient).LiveSet().AndNot(ReadableSet(GraphModel.Patient));
        var hash = KeyHashes.Of(Full.Table(GraphModel.Patient)).Hash(unreadablePatients);
        var split = new SplitCount(readable, Full.Count(kind) - readable, unreadablePatients.Count());
        return Protector.Count(split, Noise.Of($"statistics:{kind.Label}", hash));
    }

    /// <summary>How many relationships of a kind the catalogue holds (for callers who may read every record).</summary>
    public int RelationshipCount(RelationKind kind) => IsExact ? Full.Count(kind) : throw new InvalidOperationException("Relationship counts are for callers who may read every record.");

    /// <summary>What cohort criteria select: counts at every level, total size and facets.</summary>
    /// <exception cref="CatalogQueryException">The criteria name an unknown field or concept, or compare with a wrong value.</exception>
    public RecordSummary Summarize(CohortCriteria criteria)
    {
        var (over, asked, limited) = Prepare(criteria);
        var (patients, series) = (asked.Patients, asked.Series);
        Bitset selectedPatients, selectedSeries;
        if (IsExact)
        {
            var selection = Cohorts.Select(over, asked);
            (selectedPatients, selectedSeries) = (selection.Patients, selection.Series);
        }
        else
        {
            // The protected part answers the question without its low-effect conditions; the readable part answers it whole.
            var matcher = new CriteriaMatcher(over);
            var match = matcher.Match(asked);
            var (readablePatients, readableSeries) = (ReadableSet(GraphModel.Patient), ReadableSet(GraphModel.Series));
            var kept = LowEffectConditions.Drop(matcher, readablePatients, readableSeries, Options.Threshold, asked, match);
            (selectedPatients, selectedSeries) = (match.Patients, Cohorts.SeriesOf(over, match.Patients, match.SeriesMatch));
            if (!ReferenceEquals(kept, asked))
            {
                var counted = matcher.Match(kept);
                selectedSeries = Cohorts.SeriesOf(over, counted.Patients, counted.SeriesMatch).AndNot(readableSeries).Or(selectedSeries.And(readableSeries));
                selectedPatients = counted.Patients.AndNot(readablePatients).Or(selectedPatients.And(readablePatients));
                (patients, series) = (kept.Patients, kept.Series);
            }
        }

        if (!IsExact && (ReadableEvaluation.DependsOnOthers(GraphModel.Patient, criteria.Patients) || ReadableEvaluation.DependsOnOthers(GraphModel.Series, criteria.Series)))
        {
            // The readable part is what the caller can list: evaluated in the caller's view; the rest comes from the whole catalogue.
            var readable = Cohorts.Select(Readable, criteria);
            selectedPatients = selectedPatients.Clone().AndNot(ReadableSet(GraphModel.Patient)).Or(readable.Patients);
            selectedSeries = selectedSeries.Clone().AndNot(ReadableSet(GraphModel.Series)).Or(readable.Series);
        }

        var layers = NoiseLayers.Of(GraphModel.Patient, patients).Select(l => (GraphModel.Patient, l))
            .Concat(NoiseLayers.Of(GraphModel.Series, series).Select(l => (GraphModel.Series, l)));
        return new RecordSummary(this, selectedPatients, selectedSeries, layers.ToList(), limited);
    }

    /// <summary>The question the protected part of <see cref="Summarize(CohortCriteria)"/> counts: the criteria, limited where they
    /// identify, without their low-effect conditions.</summary>
    internal CohortCriteria Counted(CohortCriteria criteria)
    {
        var (over, asked, _) = Prepare(criteria);
        if (IsExact)
            return asked;
        var matcher = new CriteriaMatcher(over);
        return LowEffectConditions.Drop(matcher, ReadableSet(GraphModel.Patient), ReadableSet(GraphModel.Series), Options.Threshold, asked, matcher.Match(asked));
    }

    // The criteria as counted: concepts known, identifying conditions limited to readable records (named in the list), and the
    // catalogue they are counted over.
    private (CatalogSnapshot Over, CohortCriteria Asked, List<string> Limited) Prepare(CohortCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ConceptCheck.RequireKnown(Readable, criteria);
        var limited = new List<string>();
        var patients = Limit(criteria.Patients, GraphModel.Patient, limited, "patients.");
        var series = Limit(criteria.Series, GraphModel.Series, limited, "series.");
        return (Over(ReachesCohorts(patients) || ReachesCohorts(series)), new CohortCriteria(patients, series), limited);
    }

    /// <summary>What a dataset, repository or cancer type holds: its patients and their series.</summary>
    public RecordSummary Summarize(GraphNode owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var field = RelationField.Find(owner.Kind, "patients") ?? throw new ArgumentException($"{owner.Kind.Label} has no patients.", nameof(owner));
        // Asked for every dataset on every catalogue page: kept per snapshot and access, its figures computed once.
        var key = $"summary:{_access.Signature}:{owner.Kind.Label}:{owner.Key}";
        if (Full.Derived.TryGetValue(key, out var cached))
            return (RecordSummary)cached;
        var patients = Bitset.Of(Full.Table(GraphModel.Patient).Count, Traversal.Related(Full, field, owner.Ordinal));
        var summary = Members(patients, $"patients-of:{owner.Kind.Label}:{owner.Key}", null, []);
        if (Full.Derived.Count < Clauses.Capacity(Full) + Clauses.CacheSize * 4)
            Full.Derived.TryAdd(key, summary);
        return summary;
    }

    /// <summary>What a saved cohort's members hold now, with the series that match its saved series criteria.</summary>
    public RecordSummary Summarize(GraphNode cohort, Filter? seriesCriteria)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var limited = new List<string>();
        // A versioned cohort's series were frozen with it: they, not its criteria evaluated now, are its series.
        var series = IsFrozen(cohort)
            ? new SetFilter(FrozenSeriesOf(cohort), $"frozen-series:{cohort.Key}")
            : Limit(seriesCriteria, GraphModel.Series, limited, "series.");
        return Members(MembersOf(cohort), $"members:{cohort.Key}", series, limited);
    }

    /// <summary>Two saved cohorts' patients side by side: the overlap protected, the Jaccard index of the readable parts exact.</summary>
    public CohortOverlap Compare(GraphNode a, GraphNode b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (membersA, membersB) = (MembersOf(a), MembersOf(b));
        var layers = Layers([(GraphModel.Patient, new SetFilter(membersA, $"members:{a.Key}")), (GraphModel.Patient, new SetFilter(membersB, $"members:{b.Key}"))]);
        var readable = ReadableSet(GraphModel.Patient);
        var either = membersA.Clone().Or(membersB);
        var readableEither = either.Clone().And(readable).Count();
        var readableBoth = membersA.Clone().And(membersB).And(readable).Count();
        return new CohortOverlap(
            Split(membersA.Clone().AndNot(membersB), "compare:onlyA", layers),
            Split(membersB.Clone().AndNot(membersA), "compare:onlyB", layers),
            Split(membersA.Clone().And(membersB), "compare:both", layers),
            readableEither == 0 ? 0 : (double)readableBoth / readableEither,
            Summarize(a, null),
            Summarize(b, null));
    }

    /// <summary>How a saved cohort's members compare with what its criteria select now, in the access the cohort was saved with.</summary>
    /// <param name="cohort">The saved cohort.</param>
    /// <param name="criteria">Its criteria.</param>
    /// <param name="savedWith">The access of the cohort's owner when it was saved: drift shows changes of the catalogue, not of access.</param>
    public CohortDrift Drift(GraphNode cohort, CohortCriteria criteria, RecordAccess savedWith)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(savedWith);
        var saved = MembersOf(cohort);
        // Patients stay patients of the whole catalogue: the saved access decides which of them the criteria may select.
        var current = Cohorts.Select(savedWith.View(Full), criteria).Patients;
        var layers = Layers([(GraphModel.Patient, new SetFilter(saved, $"members:{cohort.Key}")), (GraphModel.Patient, new SetFilter(current, $"current:{cohort.Key}"))]);
        return new CohortDrift(
            Split(saved, "drift:saved", layers),
            Split(current, "drift:current", layers),
            Split(current.Clone().AndNot(saved), "drift:added", layers),
            Split(saved.Clone().AndNot(current), "drift:removed", layers),
            cohort["catalogueVersion"] is long version ? version : 0,
            Full.Sequence);
    }

    /// <summary>The live member patients of a saved cohort.</summary>
    internal Bitset MembersOf(GraphNode cohort) =>
        Bitset.Of(Full.Table(GraphModel.Patient).Count, Traversal.Related(Full, CohortMembers, cohort.Ordinal));

    /// <summary>The records of a kind the caller may read.</summary>
    internal Bitset ReadableSet(NodeKind kind)
    {
        lock (_readable)
        {
            if (!_readable.TryGetValue(kind, out var set))
                _readable[kind] = set = Readable.Table(kind).LiveSet();
            return set;
        }
    }

    internal Protection ProtectionWith(IReadOnlyList<string> limited) =>
        new(IsExact, Options.Threshold, Options.RoundingStep, Options.NoiseScale, limited);

    /// <summary>The sum of the noise layers of conditions, each seeded by the records it selects in the whole catalogue.</summary>
    internal double Layers(IReadOnlyList<(NodeKind Kind, Filter Layer)> layers)
    {
        if (IsExact)
            return 0;
        // One layer per distinct set: a condition repeated, or written twice in two ways, adds nothing; summed in a fixed order.
        var seeds = new HashSet<(string, SetHash)>();
        foreach (var (kind, layer) in layers)
        {
            var key = $"layer-hash:{kind.Label}:{FilterKey.Of(layer)}";
            var over = Over(ReachesCohorts(layer));
            if (!over.Derived.TryGetValue(key, out var cached))
            {
                cached = KeyHashes.Of(over.Table(kind)).Hash(Clauses.Cached(over, kind, layer));
                if (over.Derived.Count < Clauses.Capacity(over) + Clauses.CacheSize * 4)
                    over.Derived.TryAdd(key, cached);
            }

            seeds.Add((kind.Label, (SetHash)cached));
        }

        return seeds.Select(s => Noise.Of("layer:" + s.Item1, s.Item2)).Order().Sum();
    }

    private RecordSummary Members(Bitset patients, string name, Filter? series, List<string> limited)
    {
        var selection = Cohorts.FromPatients(Full, patients, FilterEvaluator.Evaluate(Full, GraphModel.Series, series));
        var layers = new List<(NodeKind, Filter)> { (GraphModel.Patient, new SetFilter(patients, name)) };
        layers.AddRange(NoiseLayers.Of(GraphModel.Series, series).Select(l => (GraphModel.Series, l)));
        return new RecordSummary(this, selection.Patients, selection.Series, layers, limited);
    }

    // A count of patients split into readable and unreadable, protected with the given static layers and its own dynamic one.
    private ProtectedCount Split(Bitset patients, string tag, double layers)
    {
        if (IsExact)
            return ProtectedCount.Of(patients.Count());
        var readable = patients.Clone().And(ReadableSet(GraphModel.Patient));
        var unreadable = patients.Clone().AndNot(readable);
        var count = unreadable.Count();
        var hash = KeyHashes.Of(Full.Table(GraphModel.Patient)).Hash(unreadable);
        return Protector.Count(new SplitCount(readable.Count(), count, count), layers + Noise.Of(tag, hash));
    }

    private Filter? Limit(Filter? filter, NodeKind kind, List<string> limited, string prefix)
    {
        if (IsExact)
            return filter;
        var found = new List<string>();
        var result = IdentifyingConditions.Limit(filter, kind, k => new SetFilter(ReadableSet(k), $"readable:{_access.Signature}:{k.Label}"), found);
        limited.AddRange(found.Select(f => prefix + f));
        return result;
    }
}

/// <summary>Two cohorts' patients side by side.</summary>
/// <param name="OnlyA">Patients only in the first.</param>
/// <param name="OnlyB">Patients only in the second.</param>
/// <param name="Both">Patients in both.</param>
/// <param name="Jaccard">Both divided by either, over the patients the caller may read (0 when none).</param>
/// <param name="A">What the first holds.</param>
/// <param name="B">What the second holds.</param>
public sealed record CohortOverlap(ProtectedCount OnlyA, ProtectedCount OnlyB, ProtectedCount Both, double Jaccard, RecordSummary A, RecordSummary B);

/// <summary>How a saved cohort's members compare with what its criteria select now.</summary>
/// <param name="Saved">Members saved (still in the catalogue).</param>
/// <param name="Current">Patients the criteria select now, in the access the cohort was saved with.</param>
/// <param name="Added">Selected now, not saved.</param>
/// <param name="Removed">Saved, not selected now.</param>
/// <param name="SavedVersion">The catalogue version when saved.</param>
/// <param name="CurrentVersion">The catalogue version now.</param>
public sealed record CohortDrift(ProtectedCount Saved, ProtectedCount Current, ProtectedCount Added, ProtectedCount Removed, long SavedVersion, long CurrentVersion);
