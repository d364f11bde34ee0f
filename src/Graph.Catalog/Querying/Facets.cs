using System.Globalization;
using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>Counts nodes per value of facet fields, their own or of related nodes, under a filter.</summary>
public static partial class Facets
{
    /// <summary>The largest number of values a facet may return.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The most facet fields one request may count.</summary>
    public const int MaxFields = 30;

    /// <summary>The longest autocomplete prefix, and the most values autocomplete returns.</summary>
    public const int MaxCompletion = 100;

    /// <summary>Counts per value of each facet over the filtered nodes; with <paramref name="multiSelect"/> a facet's own clause is left out of its counts.</summary>
    internal static IReadOnlyList<FacetResult> Compute(CatalogSnapshot snapshot, NodeKind kind, Clauses clauses, IReadOnlyList<string> fields, int limit, bool multiSelect, int wordsPerNode = WordsPerNode)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        ArgumentNullException.ThrowIfNull(fields);
        if (limit is < 1 or > MaxLimit)
            throw new CatalogQueryException($"The facet limit must be between 1 and {MaxLimit}; it was {limit}.");
        var paths = fields.Select(f => FieldPath.Resolve(kind, f, facetsOnly: true)).ToArray();
        Bitset? all = null;
        return paths.Select(path => Count(snapshot, path, multiSelect ? clauses.Except(path.Text) : all ??= clauses.All(), limit, wordsPerNode)).ToArray();
    }

    /// <summary>Autocomplete: the values of a facet field (among the <see cref="MaxLimit"/> most frequent) with, for each word of
    /// <paramref name="prefix"/>, a word of the value or of its label that starts with it; most frequent first.</summary>
    /// <exception cref="CatalogQueryException">The field is not a facet field of the kind, or the prefix or limit is out of range.</exception>
    public static IReadOnlyList<FacetValue> Complete(CatalogSnapshot snapshot, NodeKind kind, string field, string prefix, int limit)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > MaxCompletion || limit is < 1 or > MaxCompletion)
            throw new CatalogQueryException($"'prefix' must be at most {MaxCompletion} characters and 'limit' between 1 and {MaxCompletion}.");
        var path = FieldPath.Resolve(kind, field, facetsOnly: true);
        var words = TokenIndex.Tokenize(prefix);
        var all = Count(snapshot, path, FilterEvaluator.Evaluate(snapshot, kind, null), MaxLimit);
        return all.Values
            .Where(v => words.All(w => TokenIndex.Tokenize(v.Label ?? v.Value).Concat(TokenIndex.Tokenize(v.Value)).Any(t => t.StartsWith(w, StringComparison.Ordinal))))
            .Take(limit)
            .ToList();
    }

    /// <summary>Counts per value of one facet over a set of nodes.</summary>
    /// <param name="wordsPerNode">For a text or yes/no field of the node itself, <see cref="WordsPerNode"/>: other values force
    /// one way of counting (0: node by node), for tests and the benchmark that measures them.</param>
    internal static FacetResult Count(CatalogSnapshot snapshot, FieldPath path, Bitset nodes, int limit, int wordsPerNode = WordsPerNode)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(nodes);
        var table = path.TargetTable(snapshot);
        var counter = Counter.For(table, path, snapshot);
        var missing = 0;
        var own = path.Relations.Count == 0 ? table.Column(path.Field) : null;
        if (own is StringColumn or BoolColumn)
        {
            // The most common facets, a text or yes/no field of the node itself: count codes straight from the column's chunks.
            var counts = new int[own is StringColumn text ? text.Values.Count : 2];
            missing = own is StringColumn codes ? CountOwn(codes.Codes) : CountOwn(((BoolColumn)own).Values);
            for (var code = 0; code < counts.Length; code++)
            {
                if (counts[code] > 0)
                    counter.Add(code, counts[code]);
            }

            return Rank(path, counter, missing, limit);

            // Value by value when that costs less (Facets.ValueSets), else node by node.
            int CountOwn<T>(ChunkedArray<T> column)
                where T : struct, System.Numerics.IBinaryInteger<T> =>
                CountByValueSets(snapshot, table, own, column, nodes, counts, wordsPerNode) is var byValue and >= 0 ? byValue : CountCodes(nodes, column, counts);
        }

        if (path.Relations.All(r => r.Single) && counter.Single is { } valueOf)
        {
            // One value per node at most: count in a tight loop, through the snapshot's cached map for related nodes.
            var map = path.Relations.Count == 0 ? null : path.SingleMap(snapshot);
            if (map is not null && counter.Codes is { } coded)
            {
                // A coded value of the related node (a series' patient's sex): the map a word of the set at a time, each
                // target's value id read from its column (a call per node through the counter cost ten times as much).
                var counts = new int[coded.Count];
                var mapped = new MappedCodeCount(coded.Ids, counts);
                ChunkWalk.Each(nodes, map, ref mapped);
                for (var code = 0; code < counts.Length; code++)
                {
                    if (counts[code] > 0)
                        counter.Add(code, counts[code]);
                }

                return Rank(path, counter, mapped.Missing, limit);
            }

            foreach (var node in nodes)
            {
                var target = map is null ? node : map[node];
                var value = target < 0 ? -1 : valueOf(target);
                if (value < 0)
                    missing++;
                else
                    counter.Add(value);
            }

            return Rank(path, counter, missing, limit);
        }

        // Several values per node: each node counts once per distinct value among the targets it reaches.
        var targets = path.Relations.Count == 0 ? null : path.MultiMap(snapshot);
        var seen = new HashSet<int>();
        var single = counter.Single;
        foreach (var node in nodes)
        {
            if (targets is not null && single is not null && targets[node] is { Length: <= 1 } one)
            {
                // The usual case (a series in one dataset): no set needed.
                var value = one.Length == 0 ? -1 : single(one[0]);
                if (value < 0)
                    missing++;
                else
                    counter.Add(value);
                continue;
            }

            counter.CollectOf(node, targets, seen);
            if (seen.Count == 0)
                missing++;
            foreach (var value in seen)
                counter.Add(value);
        }

        return Rank(path, counter, missing, limit);
    }

    // Counts the nodes of a set per code (the column's value id; negative: missing), a word of the set at a time. Returns the
    // number of nodes without a value.
    private static int CountCodes<T>(Bitset nodes, ChunkedArray<T> codes, int[] counts)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        var count = new CodeCount<T>(counts);
        ChunkWalk.Each(nodes, codes, ref count);
        return count.Missing;
    }

    private struct CodeCount<T>(int[] counts) : ChunkWalk.IVisitor<T>
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        public int Missing { get; private set; }

        public void Entry(int node, T value)
        {
            var code = int.CreateTruncating(value);
            if (code < 0)
                Missing++;
            else
                counts[code]++;
        }

        public void PastEnd(int node) => Missing++;
    }

    private struct MappedCodeCount(ChunkedArray<int> ids, int[] counts) : ChunkWalk.IVisitor<int>
    {
        public int Missing { get; private set; }

        public void Entry(int node, int target)
        {
            var id = (uint)target < (uint)ids.Length ? ids[target] : -1;
            if (id < 0)
                Missing++;
            else
                counts[id]++;
        }

        public void PastEnd(int node) => Missing++;
    }

    private static FacetResult Rank(FieldPath path, Counter counter, int missing, int limit)
    {
        var ranked = counter.Counts.OrderByDescending(c => c.Value).ThenBy(c => counter.Text(c.Key), StringComparer.Ordinal).ToList();
        var shown = ranked.Take(limit).Select(c => new FacetValue(counter.Text(c.Key), c.Value, counter.Label(c.Key))).ToArray();
        var other = ranked.Skip(limit).Sum(c => c.Value);
        return new FacetResult(path.Text, shown, missing, other, ranked.Count);
    }

    /// <summary>Dense ids of a number column's distinct values, per node (-1 when missing), with their texts; built once per snapshot,
    /// or patched from the previous snapshot's for the nodes written since (a value no node has any more keeps its id).</summary>
    private static NumberIds NumberIdsOf(CatalogSnapshot snapshot, NodeTable table, NumberColumn column, bool whole) =>
        snapshot.Derive(
            $"number-ids:{table.Kind.Label}.{column.Field.Name}",
            () => new NumberIds(ChunkedArray<int>.Empty, [], []).With(table, column, whole, Enumerable.Range(0, table.Count)),
            (earlier, changes) => ChangedNodes.Own(snapshot, changes, table.Kind, earlier.Ids.Length) is { } changed ? earlier.With(table, column, whole, changed) : null);

    /// <summary>Ids of a number column's distinct values by node, their texts, and the id of each value.</summary>
    private sealed class NumberIds(ChunkedArray<int> ids, string[] texts, Dictionary<double, int> known)
    {
        public ChunkedArray<int> Ids { get; } = ids;

        public string[] Texts { get; } = texts;

        /// <summary>A copy sized for the table, with the ids of some nodes set again (sharing the chunks they are not in).</summary>
        public NumberIds With(NodeTable table, NumberColumn column, bool whole, IEnumerable<int> nodes)
        {
            var ids = new ChunkedArrayBuilder<int>(Ids, -1);
            var texts = new List<string>(Texts);
            var known2 = new Dictionary<double, int>(known);
            foreach (var node in nodes)
            {
                var value = column.Value(node);
                if (double.IsNaN(value))
                {
                    ids.Set(node, -1);
                    continue;
                }

                if (!known2.TryGetValue(value, out var id))
                {
                    known2[value] = id = texts.Count;
                    texts.Add(whole ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture));
                }

                ids.Set(node, id);
            }

            return new NumberIds(ids.Build(), texts.ToArray(), known2);
        }
    }
}
