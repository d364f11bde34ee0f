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
/// series) by fewer than the threshold, zero included, is removed, and the protected part is the answer to what remains, with its
/// noise layers. Every condition is judged in the whole question at once: dropping them one after another, the one that sets
/// apart the fewest first, compared two counts below the threshold, and the order told them apart (in "T or G" T's own sex
/// condition, setting apart one or two patients, went first when T's three did not, after which T set apart five and stayed:
/// measured at launch scale, 2 of 14 targets of one to four patients were told apart). Conditions are judged by the records they
/// set apart, never by how they are written, so the same question in other words (reordered, an in-list or its eqs, a condition
/// wrapped in an and) loses the same conditions.
/// </para>
/// <para>
/// Conditions that repeat each other (a dataset and the one cancer type it holds) each set apart nobody alone, yet dropping both
/// changes the question. When the dropped conditions together set apart as many patients as the threshold, two of them (items of
/// one and or or, or values of one list) that set apart so many together are kept, and then each that alone would set apart fewer
/// than the threshold if it stayed (three that repeat each other). Every choice asks only whether some set of unreadable patients
/// is smaller than the threshold, which the threshold already lets a caller learn, and none depends on another's order; a
/// condition that singles out a few patients, or none, is answered as if it were not there. The readable part is still counted
/// with every condition.
/// </para>
/// </remarks>
internal static class LowEffectConditions
{
    /// <summary>The most conditions (in-list values included) a question counted over unreadable records may have: each costs an
    /// evaluation of the question without it.</summary>
    public const int MaxConditions = 32;

    // What series criteria without any condition become: series criteria, even of nothing, keep only patients who have a series,
    // so they are never dropped to none (no criteria), which would count patients without one.
    private static readonly AndFilter Anything = new([]);

    private static readonly RelationField SeriesPatient = RelationField.Find(GraphModel.Series, "patient")!;

    /// <summary>The criteria without their low-effect conditions, written plainly (the same instance when that changes nothing).</summary>
    /// <exception cref="CatalogQueryException">The criteria have more than <see cref="MaxConditions"/> conditions.</exception>
    /// <param name="matcher">Evaluates the question without some of its conditions (and keeps what it evaluated).</param>
    /// <param name="readablePatients">The patients the caller may read.</param>
    /// <param name="readableSeries">The series the caller may read.</param>
    /// <param name="threshold">The fewest unreadable patients a count shows.</param>
    /// <param name="criteria">The question.</param>
    /// <param name="match">What <paramref name="matcher"/> selects for the question.</param>
    public static CohortCriteria Drop(CriteriaMatcher matcher, Bitset readablePatients, Bitset readableSeries, int threshold, CohortCriteria criteria, (Bitset Patients, Bitset SeriesMatch) match)
    {
        var asked = criteria;
        criteria = new CohortCriteria(Flat(criteria.Patients), Flat(criteria.Series));
        var parents = Parents(criteria.Patients);
        var patientSites = parents.Count;
        parents.AddRange(Parents(criteria.Series).Select(p => p < 0 ? p : p + patientSites));
        if (parents.Count > MaxConditions)
        {
            throw new CatalogQueryException(
                $"The criteria have {parents.Count} conditions (each value of an in-list counts); at most {MaxConditions} are counted over records you may not read. Ask with fewer.");
        }

        var owners = FieldPath.SingleMap(matcher.Snapshot, GraphModel.Series, [SeriesPatient]);
        var selected = new Selection(match, readablePatients, readableSeries, owners);
        // Fewer unreadable patients than the threshold are withheld whatever the conditions: nothing to drop.
        if (selected.Patients.Count() < threshold)
            return Same(criteria, asked) ? asked : criteria;

        CohortCriteria Without(IReadOnlySet<int> sites) => new(
            criteria.Patients is null ? null : LowEffectConditions.Without(criteria.Patients, sites.Where(s => s < patientSites).ToHashSet()),
            criteria.Series is null or AndFilter { Items: [] } ? criteria.Series
                : LowEffectConditions.Without(criteria.Series, sites.Where(s => s >= patientSites).Select(s => s - patientSites).ToHashSet()) ?? Anything);
        Bitset? unreadableMatching = null;
        bool Low(IReadOnlySet<int> sites)
        {
            var without = Without(sites);
            var seriesChanged = sites.Any(s => s >= patientSites);
            if (seriesChanged && ReferenceEquals(without.Patients, criteria.Patients))
            {
                // Only series conditions changed: the owners of series matched one way and not the other are affected, counted
                // first (most such changes affect many, and then the patients who have a matching series need not be found).
                unreadableMatching ??= matcher.Patients(criteria.Patients).AndNot(readablePatients);
                if (Selection.OwnersOfChanged(match.SeriesMatch, matcher.SeriesMatch(without.Series), readableSeries, owners, unreadableMatching, threshold) >= threshold)
                    return false;
            }

            return Selection.Affected(selected, new Selection(matcher.Match(without), readablePatients, readableSeries, owners), seriesChanged, threshold) < threshold;
        }

        var low = Enumerable.Range(0, parents.Count).Where(site => Low(new HashSet<int> { site })).ToHashSet();
        if (low.Count == 0)
            return Same(criteria, asked) ? asked : criteria;

        // The dropped conditions outside any other dropped one: those that can be kept (what is inside a kept one still goes).
        var outer = low.Where(site => !Ancestors(parents, site).Any(low.Contains)).ToList();
        if (!Low(low))
        {
            var kept = new HashSet<int>();
            for (var i = 0; i < outer.Count; i++)
            {
                for (var j = i + 1; j < outer.Count; j++)
                {
                    if (parents[outer[i]] >= 0 && parents[outer[i]] == parents[outer[j]] && !Low(new HashSet<int> { outer[i], outer[j] }))
                        kept.UnionWith([outer[i], outer[j]]);
                }
            }

            low.ExceptWith(kept);
            if (!Low(low))
                low.ExceptWith([.. outer.Where(site => low.Contains(site) && Low(low.Where(s => s != site).ToHashSet()))]);
        }

        var reduced = Without(low);
        reduced = new CohortCriteria(Flat(reduced.Patients), Flat(reduced.Series));
        return Same(reduced, asked) ? asked : reduced;
    }

    // An and or an or of one item is that item, and one inside another of its kind is part of it, as are the values of an in-list
    // in an or (its eqs) and of a not-in list in an and (its neqs): written either way, a question has the same conditions, with the
    // same neighbours, to drop (a limit to readable records stays whole).
    private static Filter? Flat(Filter? filter) => filter switch
    {
        AndFilter { Items: [_, SetFilter] } => filter,
        AndFilter and => Single(Keep(and, and.Items, [.. and.Items.Select(Flat).SelectMany(i => i switch
        {
            AndFilter { Items: not [_, SetFilter] } inner => inner.Items,
            FieldFilter { Operator: FilterOperator.NotIn } list => Each(list, FilterOperator.Neq),
            _ => [i!],
        })])),
        OrFilter or => Single(Keep(or, or.Items, [.. or.Items.Select(Flat).SelectMany(i => i switch
        {
            OrFilter inner => inner.Items,
            FieldFilter { Operator: FilterOperator.In } list => Each(list, FilterOperator.Eq),
            _ => [i!],
        })])),
        NotFilter not => Flat(not.Inner) is var inner && ReferenceEquals(inner, not.Inner) ? filter : new NotFilter(inner!),
        RelationFilter relation => Flat(relation.Inner) is var inner && ReferenceEquals(inner, relation.Inner) ? filter : relation with { Inner = inner! },
        _ => filter,
    };

    // The and or the or itself when its items are already flat (what stays the same instance is evaluated once), else one of them.
    private static Filter Keep(Filter filter, IReadOnlyList<Filter> items, List<Filter> flat) =>
        flat.Count == items.Count && flat.Zip(items).All(p => ReferenceEquals(p.First, p.Second)) ? filter
        : filter is AndFilter ? new AndFilter(flat) : new OrFilter(flat);

    // A list's values, each compared alone (none for an empty list, which an or or an and leaves out).
    private static IReadOnlyList<Filter> Each(FieldFilter list, FilterOperator each) =>
        list.Value is IEnumerable<object?> values ? [.. values.Select(v => new FieldFilter(list.Field, each, v))] : [list];

    // Whether two criteria are written alike: then the question's own selection serves.
    private static bool Same(CohortCriteria a, CohortCriteria b) =>
        (ReferenceEquals(a.Patients, b.Patients) || Key(a.Patients) == Key(b.Patients)) && (ReferenceEquals(a.Series, b.Series) || Key(a.Series) == Key(b.Series));

    private static string? Key(Filter? filter) => filter is null ? null : FilterKey.Of(filter);

    private static Filter Single(Filter filter) => filter switch
    {
        AndFilter { Items: [var only] } => only,
        OrFilter { Items: [var only] } => only,
        _ => filter,
    };

    // The conditions of a filter, numbered as Without numbers them (0 is the whole filter): the place of each one's parent, -1 for
    // the whole filter.
    private static List<int> Parents(Filter? filter)
    {
        var parents = new List<int>();
        if (filter is null or AndFilter { Items: [] })
            return parents;
        parents.Add(-1);
        var site = 1;
        Reduce(filter, ref site, new HashSet<int>(), 0, parents);
        return parents;
    }

    private static IEnumerable<int> Ancestors(List<int> parents, int site)
    {
        for (var parent = parents[site]; parent >= 0; parent = parents[parent])
            yield return parent;
    }

    // The filter without the conditions at the given places, numbered in document order: 0 is the whole filter (null: no condition).
    private static Filter? Without(Filter filter, IReadOnlySet<int> dropped)
    {
        var site = 1;
        var reduced = Reduce(filter, ref site, dropped, 0, null);
        return dropped.Contains(0) ? null : reduced;
    }

    // Every place is numbered whether or not it is dropped, so the numbers do not depend on what else is. What loses nothing stays
    // the same instance, so an evaluation of the question without a condition reuses its other items' results.
    private static Filter Reduce(Filter filter, ref int site, IReadOnlySet<int> dropped, int parent, List<int>? parents)
    {
        switch (filter)
        {
            case AndFilter { Items: [_, SetFilter] }:
                // A condition limited to readable records: dropped whole or not at all, never its limit.
                return filter;
            case AndFilter and:
                var all = ReduceItems(and.Items, ref site, dropped, parent, parents);
                return ReferenceEquals(all, and.Items) ? filter : new AndFilter(all);
            case OrFilter or:
                var any = ReduceItems(or.Items, ref site, dropped, parent, parents);
                return ReferenceEquals(any, or.Items) ? filter : new OrFilter(any);
            case NotFilter not:
                var inner = Reduce(not.Inner, ref site, dropped, parent, parents);
                return ReferenceEquals(inner, not.Inner) ? filter : new NotFilter(inner);
            case RelationFilter relation:
                var related = Reduce(relation.Inner, ref site, dropped, parent, parents);
                return ReferenceEquals(related, relation.Inner) ? filter : relation with { Inner = related };
            case FieldFilter { Operator: FilterOperator.In or FilterOperator.NotIn, Value: IEnumerable<object?> values } list when values.Skip(1).Any():
                // Each value of a list of two or more is a condition (a list of one is its one condition, as eq is).
                var kept = new List<object?>();
                var count = 0;
                foreach (var value in values)
                {
                    parents?.Add(parent);
                    count++;
                    if (!dropped.Contains(site++))
                        kept.Add(value);
                }

                return kept.Count == count ? filter : list with { Value = kept };
            default:
                return filter;
        }
    }

    // The items kept, reduced (the same list when none changed).
    private static IReadOnlyList<Filter> ReduceItems(IReadOnlyList<Filter> items, ref int site, IReadOnlySet<int> dropped, int parent, List<int>? parents)
    {
        var kept = new List<Filter>(items.Count);
        var changed = false;
        foreach (var item in items)
        {
            var place = site++;
            parents?.Add(parent);
            var reduced = Reduce(item, ref site, dropped, place, parents);
            if (!dropped.Contains(place))
                kept.Add(reduced);
            changed |= dropped.Contains(place) || !ReferenceEquals(reduced, item);
        }

        return changed ? kept : items;
    }

    // The unreadable patients a question selects, and (when asked for) their selected series.
    private sealed class Selection
    {
        private readonly Bitset _seriesMatch;
        private readonly Storage.ChunkedArray<int> _owners;
        private Bitset? _series;

        public Selection((Bitset Patients, Bitset SeriesMatch) match, Bitset readablePatients, Bitset readableSeries, Storage.ChunkedArray<int> owners)
        {
            var (patients, seriesMatch) = match;
            Patients = patients.Clone().AndNot(readablePatients);
            _seriesMatch = seriesMatch.Clone().AndNot(readableSeries);
            _owners = owners;
        }

        public Bitset Patients { get; }

        public Bitset Series => _series ??= Traversal.WithTargetIn(_seriesMatch, _owners, Patients);

        // Of the patients given, those who own a series (that the caller may not read) in one set and not the other, counted up
        // to the threshold: each is affected, whether it is selected one way only or its selected series differ.
        public static int OwnersOfChanged(Bitset a, Bitset b, Bitset readable, Storage.ChunkedArray<int> owners, Bitset patients, int threshold)
        {
            var x = a.Words;
            var y = b.Words;
            var r = readable.Words;
            var found = new List<int>(threshold);
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                for (var word = (x[i] ^ y[i]) & (i < r.Length ? ~r[i] : ~0UL); word != 0; word &= word - 1)
                {
                    var owner = owners[(i << 6) + System.Numerics.BitOperations.TrailingZeroCount(word)];
                    if (owner >= 0 && patients[owner] && !found.Contains(owner))
                    {
                        found.Add(owner);
                        if (found.Count >= threshold)
                            return found.Count;
                    }
                }
            }

            return found.Count;
        }

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
