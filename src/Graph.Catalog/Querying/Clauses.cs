namespace Graph.Catalog.Querying;

/// <summary>A filter split into its top-level clauses, each evaluated once, so facets can leave their own clause out.</summary>
internal sealed class Clauses
{
    private readonly List<(string? Path, Bitset Matches)> _clauses = [];
    private readonly Bitset _live;

    /// <summary>Evaluates each top-level clause of a filter over a scope (all live nodes when null).</summary>
    public Clauses(CatalogSnapshot snapshot, Domain.NodeKind kind, Filter? where, Bitset? scope = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _live = scope?.Clone().And(FilterEvaluator.Evaluate(snapshot, kind, null)) ?? FilterEvaluator.Evaluate(snapshot, kind, null);
        foreach (var clause in Split(where))
            _clauses.Add((PathOf(clause), Cached(snapshot, kind, clause)));
    }

    /// <summary>The fewest clause results a snapshot keeps room for, however large its tables.</summary>
    public const int CacheSize = 256;

    // The most it keeps room for, and the memory it may take beyond the fewest: a result is one bit per node, so a snapshot keeps
    // about 2,700 of them at launch scale (200,000 series: 25 KB each), 4,096 at most for smaller catalogues, and the fewest,
    // 256, at five million series (610 KB each).
    private const int MaxCacheSize = 4096;
    private const long CacheBytes = 64L << 20;

    /// <summary>How many derived values a snapshot keeps room for: a count by the size of a result over its largest table.</summary>
    internal static int Capacity(CatalogSnapshot snapshot)
    {
        var bytes = (snapshot.Table(Domain.GraphModel.Series).Count >> 3) + 1;
        return (int)Math.Clamp(CacheBytes / bytes, CacheSize, MaxCacheSize);
    }

    /// <summary>Whether the snapshot may keep one more result: it has room, or it made some by dropping its oldest kept result.</summary>
    internal static bool MakeRoom(CatalogSnapshot snapshot) => snapshot.Derived.Count < Capacity(snapshot) || snapshot.DropOldestEvictable();

    // The longest list of an 'in' clause on a text field whose values are evaluated (and kept) one by one.
    private const int MaxSplitList = 16;

    // Like Solr's filter cache: a faceted search repeats its clauses request after request while the snapshot stays. A result
    // is kept from its clause's second request on (the lineage's sightings), so one-off clauses do not fill the cache, and a
    // full cache drops its oldest result for it, so that clauses asked for now replace those asked for long ago.
    internal static Bitset Cached(CatalogSnapshot snapshot, Domain.NodeKind kind, Filter clause)
    {
        if (clause is FieldFilter { Operator: FilterOperator.In, Value: IReadOnlyList<object?> { Count: > 1 and <= MaxSplitList } values } list
            && snapshot.Table(kind).Column(list.Field) is Storage.StringColumn)
        {
            // One text field in a few values (modality MR or CT): each value's nodes are kept on their own, since requests
            // combine the same values in ever other lists. Only when each value's result is kept or will be (asked for before,
            // and the cache has room): one scan for the list costs less than one per value.
            var parts = values.Select(v => list with { Operator = FilterOperator.Eq, Value = v }).Select(f => (Filter: f, Key: Key(kind, f))).ToList();
            var split = true;
            foreach (var (_, key) in parts)
                split &= snapshot.Derived.ContainsKey(key) || snapshot.Sightings.Again(key);
            if (split)
            {
                var any = new Bitset(snapshot.Table(kind).Count);
                foreach (var (filter, key) in parts)
                    any.Or(Kept(snapshot, kind, filter, key));
                return any;
            }
        }

        return Kept(snapshot, kind, clause, Key(kind, clause));
    }

    private static string Key(Domain.NodeKind kind, Filter clause) => $"clause:{kind.Label}:{FilterKey.Of(clause)}";

    private static Bitset Kept(CatalogSnapshot snapshot, Domain.NodeKind kind, Filter clause, string key)
    {
        if (snapshot.Derived.TryGetValue(key, out var cached))
            return (Bitset)cached;
        var keep = snapshot.Sightings.Again(key) && MakeRoom(snapshot);
        var result = snapshot.Derive(
            key,
            () => FilterEvaluator.Evaluate(snapshot, kind, clause),
            (earlier, changes) => Patch(snapshot, kind, clause, earlier, changes),
            keep);
        if (keep)
            snapshot.KeptEvictable(key);
        return result;
    }

    // An earlier snapshot's result of a clause, decided again for the nodes whose membership the changes may have changed.
    private static Bitset? Patch(CatalogSnapshot snapshot, Domain.NodeKind kind, Filter clause, Bitset earlier, Storage.SnapshotChanges changes)
    {
        var count = snapshot.Table(kind).Count;
        if (ChangedNodes.OfFilter(snapshot, changes, kind, clause) is not { } changed)
            return null;
        for (var ordinal = earlier.Length; ordinal < count; ordinal++)
            changed.Add(ordinal);
        if (changed.Count > count / 8)
            return null;
        var scope = Bitset.Of(count, changed);
        var fresh = FilterEvaluator.Evaluate(snapshot, kind, clause, scope);
        var result = new Bitset(count).Or(earlier);
        foreach (var ordinal in changed)
        {
            if (fresh[ordinal])
                result.Add(ordinal);
            else
                result.Remove(ordinal);
        }

        return result;
    }

    /// <summary>The nodes that satisfy every clause.</summary>
    public Bitset All() => Except(null);

    /// <summary>The nodes that satisfy every clause that does not constrain <paramref name="path"/> alone.</summary>
    public Bitset Except(string? path)
    {
        Bitset? result = null;
        foreach (var (clausePath, matches) in _clauses)
        {
            if (path is null || clausePath != path)
                result = result is null ? Bitset.Intersect(_live, matches) : result.And(matches);
        }

        return result ?? _live.Clone();
    }

    /// <summary>The top-level clauses of a filter: the items of its ands, at any depth.</summary>
    internal static IEnumerable<Filter> Split(Filter? filter) => filter switch
    {
        null => [],
        AndFilter and => and.Items.SelectMany(Split),
        _ => [filter],
    };

    /// <summary>The one field path a clause constrains (series.modality for a some-filter on series' modality), or null.</summary>
    internal static string? PathOf(Filter filter) => filter switch
    {
        FieldFilter field => field.Field,
        ConceptFilter concept => concept.Field,
        NotFilter not => PathOf(not.Inner),
        AndFilter and => Same(and.Items),
        OrFilter or => Same(or.Items),
        RelationFilter { Quantifier: Quantifier.Some } relation when PathOf(relation.Inner) is { } inner => $"{relation.Field}.{inner}",
        _ => null,
    };

    private static string? Same(IReadOnlyList<Filter> items)
    {
        var paths = items.Select(PathOf).Distinct().ToList();
        return paths.Count == 1 ? paths[0] : null;
    }
}
