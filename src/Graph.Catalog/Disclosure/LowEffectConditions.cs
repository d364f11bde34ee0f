using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Disclosure;

/// <summary>Drops the conditions of a question whose effect on the records the caller may not read is small, before the protected
/// part of its answer is counted.</summary>
/// <remarks>
/// <para>
/// Sticky noise answers one set of records with one value, so two questions built from the same conditions got identical answers
/// when they selected the same unreadable patients and different ones when they did not: asking "T or G" and "(T and G) or G",
/// with G a dataset no patient of T can be in, told whether a restricted patient matching T exists, read that patient's
/// attributes one condition at a time, and, averaged over chaff, counted small groups exactly (an outside review, anonymously,
/// in one request a probe).
/// </para>
/// <para>
/// So every condition (each item of an and or an or and each value of an in-list, at any depth, also inside relationship and not
/// filters, and the whole filter) whose removal from the question changes the unreadable patients selected (or their selected
/// series) by fewer than the threshold, zero included, is removed, the one that sets apart the fewest first, until none is left,
/// and the protected part is the answer to what remains, with its noise layers. Conditions are judged by the records they set
/// apart, never by how they are written, so the same question in other words (reordered, an in-list or its eqs, a condition
/// wrapped in an and) loses the same conditions. Which conditions go depends only on whether a condition
/// sets apart fewer patients than the threshold, which the threshold already lets a caller learn; a condition that singles out a
/// few patients, or none, is answered as if it were not there. The readable part is still counted with every condition.
/// </para>
/// </remarks>
internal static class LowEffectConditions
{
    /// <summary>The most conditions (in-list values included) a question counted over unreadable records may have: each costs an
    /// evaluation of the question without it, again after every condition dropped.</summary>
    public const int MaxConditions = 32;

    // What series criteria without any condition become: series criteria, even of nothing, keep only patients who have a series,
    // so they are never dropped to none (no criteria), which would count patients without one.
    private static readonly AndFilter Anything = new([]);

    private static readonly RelationField SeriesPatient = RelationField.Find(GraphModel.Series, "patient")!;

    /// <summary>The criteria without their low-effect conditions, written plainly (the same instance when that changes nothing).</summary>
    /// <exception cref="CatalogQueryException">The criteria have more than <see cref="MaxConditions"/> conditions.</exception>
    public static CohortCriteria Drop(CatalogSnapshot over, Bitset readablePatients, Bitset readableSeries, int threshold, CohortCriteria criteria)
    {
        var asked = criteria;
        criteria = new CohortCriteria(Flat(criteria.Patients), Flat(criteria.Series));
        var (patientSites, seriesSites) = (Sites(criteria.Patients), Sites(criteria.Series));
        if (patientSites + seriesSites > MaxConditions)
        {
            throw new CatalogQueryException(
                $"The criteria have {patientSites + seriesSites} conditions (each value of an in-list counts); at most {MaxConditions} are counted over records you may not read. Ask with fewer.");
        }

        var owners = FieldPath.SingleMap(over, GraphModel.Series, [SeriesPatient]);
        var (patientKeys, seriesKeys) = (KeyHashes.Of(over.Table(GraphModel.Patient)), KeyHashes.Of(over.Table(GraphModel.Series)));
        Selection Select(CohortCriteria c) => new(over, c, readablePatients, readableSeries, owners);
        var current = criteria;
        var selected = Select(current);
        // Fewer unreadable patients than the threshold are withheld whatever the conditions: nothing to drop.
        if (selected.Patients.Count() < threshold)
            return Same(current, asked) ? asked : current;
        while (true)
        {
            // The condition that sets apart the fewest patients goes first, then the others are judged again without it (two
            // conditions that each repeat the other set apart none alone, yet one of them must stay). Ties go by what the
            // question selects without the condition, so the same question in other words loses the same conditions.
            var candidates = new List<(int Affected, CohortCriteria Without, Selection Selected)>();
            var (currentPatientSites, currentSeriesSites) = (Sites(current.Patients), Sites(current.Series));
            for (var site = 0; site < currentPatientSites + currentSeriesSites; site++)
            {
                var seriesSite = site >= currentPatientSites;
                var without = seriesSite
                    ? current with { Series = Without(current.Series!, new HashSet<int> { site - currentPatientSites }) ?? Anything }
                    : current with { Patients = Without(current.Patients!, new HashSet<int> { site }) };
                var other = Select(without);
                var affected = Selection.Affected(selected, other, seriesSite, threshold);
                if (affected < threshold && (candidates.Count == 0 || affected <= candidates[0].Affected))
                {
                    if (candidates.Count > 0 && affected < candidates[0].Affected)
                        candidates.Clear();
                    candidates.Add((affected, without, other));
                }
            }

            var lowest = candidates.Count switch
            {
                0 => ((int, CohortCriteria Without, Selection Selected)?)null,
                1 => candidates[0],
                _ => First(over, candidates, patientKeys, seriesKeys),
            };
            if (lowest is not { } drop)
                return Same(current, asked) ? asked : current;
            (current, selected) = (new CohortCriteria(Flat(drop.Without.Patients), Flat(drop.Without.Series)), drop.Selected);
            if (selected.Patients.Count() < threshold)
                return current;
        }
    }

    // An and or an or of one item is that item, and one inside another of its kind is part of it: written either way, a question
    // has the same conditions to drop (a limit to readable records stays whole).
    private static Filter? Flat(Filter? filter) => filter switch
    {
        AndFilter { Items: [_, SetFilter] } => filter,
        AndFilter and => Single(new AndFilter([.. and.Items.Select(Flat).SelectMany(i => i is AndFilter { Items: not [_, SetFilter] } inner ? inner.Items : [i!])])),
        OrFilter or => Single(new OrFilter([.. or.Items.Select(Flat).SelectMany(i => i is OrFilter inner ? inner.Items : [i!])])),
        NotFilter not => new NotFilter(Flat(not.Inner)!),
        RelationFilter relation => relation with { Inner = Flat(relation.Inner)! },
        _ => filter,
    };

    // Whether two criteria are written alike: then the question's own selection serves.
    private static bool Same(CohortCriteria a, CohortCriteria b) =>
        Key(a.Patients) == Key(b.Patients) && Key(a.Series) == Key(b.Series);

    private static string? Key(Filter? filter) => filter is null ? null : FilterKey.Of(filter);

    private static Filter Single(Filter filter) => filter switch
    {
        AndFilter { Items: [var only] } => only,
        OrFilter { Items: [var only] } => only,
        _ => filter,
    };



    // Of conditions that set apart as few patients, the one whose removal leaves the lowest records, then (the same records: they
    // repeat each other) the lowest noise layers: chosen by what the question selects, never by how it is written.
    private static (int Affected, CohortCriteria Without, Selection Selected) First(
        CatalogSnapshot over, List<(int Affected, CohortCriteria Without, Selection Selected)> candidates, KeyHashes patientKeys, KeyHashes seriesKeys)
    {
        var keyed = candidates.Select(c => (Candidate: c, Records: (patientKeys.Hash(c.Selected.Patients), seriesKeys.Hash(c.Selected.Series)))).ToList();
        var lowestRecords = keyed.Select(k => k.Records).Aggregate((a, b) => Compare(a, b) <= 0 ? a : b);
        var tied = keyed.Where(k => Compare(k.Records, lowestRecords) == 0).Select(k => k.Candidate).ToList();
        return tied.Count == 1 ? tied[0] : tied.Select(c => (Candidate: c, Layers: Layers(over, c.Without))).Aggregate((a, b) => CompareLayers(a.Layers, b.Layers) <= 0 ? a : b).Candidate;
    }

    private static int Compare((SetHash Patients, SetHash Series) a, (SetHash Patients, SetHash Series) b) =>
        (a.Patients.Low, a.Patients.High, a.Series.Low, a.Series.High).CompareTo((b.Patients.Low, b.Patients.High, b.Series.Low, b.Series.High));

    // The hashes of the records each noise layer of the criteria selects, in order: what their noise is seeded by.
    private static List<SetHash> Layers(CatalogSnapshot over, CohortCriteria criteria)
    {
        var hashes = new List<SetHash>();
        foreach (var (kind, filter) in new[] { (GraphModel.Patient, criteria.Patients), (GraphModel.Series, criteria.Series) })
        {
            var keys = KeyHashes.Of(over.Table(kind));
            hashes.AddRange(NoiseLayers.Of(kind, filter).Select(layer => keys.Hash(Clauses.Cached(over, kind, layer))));
        }

        return [.. hashes.Distinct().OrderBy(h => (h.Low, h.High))];
    }

    private static int CompareLayers(List<SetHash> a, List<SetHash> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var order = (a[i].Low, a[i].High).CompareTo((b[i].Low, b[i].High));
            if (order != 0)
                return order;
        }

        return a.Count.CompareTo(b.Count);
    }

    // How many conditions a filter has: the places Without numbers, in the same order.
    private static int Sites(Filter? filter)
    {
        if (filter is null or AndFilter { Items: [] })
            return 0;
        var site = 1;
        Reduce(filter, ref site, new HashSet<int>());
        return site;
    }

    // The filter without the conditions at the given places, numbered in document order: 0 is the whole filter (null: no condition).
    private static Filter? Without(Filter filter, IReadOnlySet<int> dropped)
    {
        var site = 1;
        var reduced = Reduce(filter, ref site, dropped);
        return dropped.Contains(0) ? null : reduced;
    }

    // Every place is numbered whether or not it is dropped, so the numbers do not depend on what else is.
    private static Filter Reduce(Filter filter, ref int site, IReadOnlySet<int> dropped)
    {
        switch (filter)
        {
            case AndFilter { Items: [_, SetFilter] }:
                // A condition limited to readable records: dropped whole or not at all, never its limit.
                return filter;
            case AndFilter and:
                return new AndFilter(ReduceItems(and.Items, ref site, dropped));
            case OrFilter or:
                return new OrFilter(ReduceItems(or.Items, ref site, dropped));
            case NotFilter not:
                return new NotFilter(Reduce(not.Inner, ref site, dropped));
            case RelationFilter relation:
                return relation with { Inner = Reduce(relation.Inner, ref site, dropped) };
            case FieldFilter { Operator: FilterOperator.In or FilterOperator.NotIn, Value: IEnumerable<object?> values } list when values.Skip(1).Any():
                // Each value of a list of two or more is a condition (a list of one is its one condition, as eq is).
                var kept = new List<object?>();
                foreach (var value in values)
                {
                    if (!dropped.Contains(site++))
                        kept.Add(value);
                }

                return list with { Value = kept };
            default:
                return filter;
        }
    }

    private static List<Filter> ReduceItems(IReadOnlyList<Filter> items, ref int site, IReadOnlySet<int> dropped)
    {
        var kept = new List<Filter>(items.Count);
        foreach (var item in items)
        {
            var place = site++;
            var reduced = Reduce(item, ref site, dropped);
            if (!dropped.Contains(place))
                kept.Add(reduced);
        }

        return kept;
    }

    // The unreadable patients a question selects, and (when asked for) their selected series.
    private sealed class Selection
    {
        private readonly Bitset _seriesMatch;
        private readonly Storage.ChunkedArray<int> _owners;
        private Bitset? _series;

        public Selection(CatalogSnapshot over, CohortCriteria criteria, Bitset readablePatients, Bitset readableSeries, Storage.ChunkedArray<int> owners)
        {
            var (patients, seriesMatch) = Cohorts.Match(over, criteria);
            Patients = patients.Clone().AndNot(readablePatients);
            _seriesMatch = seriesMatch.Clone().AndNot(readableSeries);
            _owners = owners;
        }

        public Bitset Patients { get; }

        public Bitset Series => _series ??= Traversal.WithTargetIn(_seriesMatch, _owners, Patients);

        // The unreadable patients one selection has and the other has not, or (a condition on series changed) whose selected
        // series differ; counted up to the threshold. Without a change of the series conditions, series differ only with their
        // patients.
        public static int Affected(Selection a, Selection b, bool seriesChanged, int threshold)
        {
            var x = a.Patients.Words;
            var y = b.Patients.Words;
            var count = 0;
            for (var i = 0; i < x.Length && count < threshold; i++)
                count += System.Numerics.BitOperations.PopCount(x[i] ^ y[i]);
            if (!seriesChanged || count >= threshold)
                return count;

            var patients = a.Patients.Clone().AndNot(b.Patients).Or(b.Patients.Clone().AndNot(a.Patients));
            var series = a.Series.Clone().AndNot(b.Series).Or(b.Series.Clone().AndNot(a.Series));
            foreach (var s in series)
            {
                if (a._owners[s] >= 0)
                    patients.Add(a._owners[s]);
            }

            return patients.Count();
        }
    }
}
