using System.Globalization;
using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>Counts nodes per value of facet fields, their own or of related nodes, under a filter.</summary>
public static class Facets
{
    /// <summary>The largest number of values a facet may return.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Counts per value of each facet over the filtered nodes; with <paramref name="multiSelect"/> a facet's own clause is left out of its counts.</summary>
    public static IReadOnlyList<FacetResult> Compute(CatalogSnapshot snapshot, NodeKind kind, Clauses clauses, IReadOnlyList<string> fields, int limit, bool multiSelect)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        ArgumentNullException.ThrowIfNull(fields);
        if (limit is < 1 or > MaxLimit)
            throw new CatalogQueryException($"The facet limit must be between 1 and {MaxLimit}; it was {limit}.");
        var paths = fields.Select(f => FieldPath.Resolve(kind, f, facetsOnly: true)).ToArray();
        Bitset? all = null;
        return paths.Select(path => Count(snapshot, path, multiSelect ? clauses.Except(path.Text) : all ??= clauses.All(), limit)).ToArray();
    }

    /// <summary>Counts per value of one facet over a set of nodes.</summary>
    public static FacetResult Count(CatalogSnapshot snapshot, FieldPath path, Bitset nodes, int limit)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(nodes);
        var table = path.TargetTable(snapshot);
        var counter = Counter.For(table, path, snapshot);
        var missing = 0;
        if (path.Relations.Count == 0 && table.Column(path.Field) is StringColumn text)
        {
            // The most common facet, a text field of the node itself: count codes straight from the column's chunks.
            var counts = new int[text.Values.Count];
            var chunks = text.Codes.Chunks;
            var length = text.Codes.Length;
            foreach (var node in nodes)
            {
                var code = node < length ? chunks[node >> ChunkedArray<int>.Shift][node & ChunkedArray<int>.Mask] : -1;
                if (code < 0)
                    missing++;
                else
                    counts[code]++;
            }

            for (var code = 0; code < counts.Length; code++)
            {
                if (counts[code] > 0)
                    counter.Add(code, counts[code]);
            }

            return Rank(path, counter, missing, limit);
        }

        if (path.Relations.All(r => r.Single) && counter.Single is { } valueOf)
        {
            // One value per node at most: count in a tight loop, through the snapshot's cached map for related nodes.
            var map = path.Relations.Count == 0 ? null : path.SingleMap(snapshot);
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

    /// <summary>Distinct owners of unreadable nodes are counted up to this bound: enough to decide any small-count threshold.</summary>
    internal const int OwnerBound = 64;

    /// <summary>Counts per value of one facet over a set of nodes, split into the readable nodes and the others.</summary>
    /// <param name="snapshot">The whole snapshot.</param>
    /// <param name="path">The facet path.</param>
    /// <param name="nodes">The nodes to count.</param>
    /// <param name="readable">The nodes the caller may read.</param>
    /// <param name="ownerOf">For each node, the patient it belongs to (null when the nodes are patients), so that unreadable nodes are also counted by distinct patient.</param>
    internal static SplitFacet CountSplit(CatalogSnapshot snapshot, FieldPath path, Bitset nodes, Bitset readable, ChunkedArray<int>? ownerOf)
    {
        var table = path.TargetTable(snapshot);
        var counter = Counter.For(table, path, snapshot);
        var readableCounts = new int[64];
        var unreadableCounts = new int[64];
        var owners = new OwnerSets(ownerOf);
        long readableMissing = 0, unreadableMissing = 0;
        var single = path.Relations.All(r => r.Single) ? counter.Single : null;
        var singleMap = single is null || path.Relations.Count == 0 ? null : path.SingleMap(snapshot);
        var multiMap = single is not null || path.Relations.Count == 0 ? null : path.MultiMap(snapshot);
        var seen = new HashSet<int>();
        void Count(int value, int node, bool isReadable)
        {
            if (value >= readableCounts.Length)
            {
                Array.Resize(ref readableCounts, Math.Max(value + 1, readableCounts.Length * 2));
                Array.Resize(ref unreadableCounts, readableCounts.Length);
            }

            if (isReadable)
            {
                readableCounts[value]++;
            }
            else
            {
                unreadableCounts[value]++;
                owners.Add(value, node);
            }
        }

        void Missing(int node, bool isReadable)
        {
            if (isReadable)
            {
                readableMissing++;
            }
            else
            {
                unreadableMissing++;
                owners.Add(-1, node);
            }
        }

        foreach (var node in nodes)
        {
            var isReadable = readable[node];
            if (single is not null)
            {
                // One value at most (the usual facet): no set needed.
                var target = singleMap is null ? node : singleMap[node];
                var value = target < 0 ? -1 : single(target);
                if (value >= 0)
                    Count(value, node, isReadable);
                else
                    Missing(node, isReadable);
                continue;
            }

            counter.CollectOf(node, multiMap, seen);
            if (seen.Count == 0)
                Missing(node, isReadable);

            foreach (var value in seen)
                Count(value, node, isReadable);
        }

        var values = new List<SplitFacetValue>();
        for (var value = 0; value < readableCounts.Length; value++)
        {
            if (readableCounts[value] + unreadableCounts[value] > 0)
                values.Add(new SplitFacetValue(counter.Text(value), counter.Label(value), new SplitCount(readableCounts[value], unreadableCounts[value], owners.Count(value, unreadableCounts[value]))));
        }

        return new SplitFacet(path.Text, values, new SplitCount(readableMissing, unreadableMissing, owners.Count(-1, unreadableMissing)));
    }

    /// <summary>Splits a set of nodes by the values of one facet: the nodes with each value (a node with several values in each), and those with none.</summary>
    internal static (Dictionary<string, Bitset> Values, Bitset Missing) Partition(CatalogSnapshot snapshot, FieldPath path, Bitset nodes)
    {
        var table = path.TargetTable(snapshot);
        var counter = Counter.For(table, path, snapshot);
        var byValue = new Dictionary<int, Bitset>();
        var missing = new Bitset(nodes.Length);
        var multiMap = path.Relations.Count == 0 ? null : path.MultiMap(snapshot);
        var seen = new HashSet<int>();
        foreach (var node in nodes)
        {
            counter.CollectOf(node, multiMap, seen);
            if (seen.Count == 0)
                missing.Add(node);
            foreach (var value in seen)
            {
                if (!byValue.TryGetValue(value, out var set))
                    byValue[value] = set = new Bitset(nodes.Length);
                set.Add(node);
            }
        }

        return (byValue.ToDictionary(p => counter.Text(p.Key), p => p.Value, StringComparer.Ordinal), missing);
    }

    /// <summary>The distinct owners of each value's unreadable nodes, kept up to <see cref="OwnerBound"/> per value (index 0 for no value).</summary>
    private sealed class OwnerSets(ChunkedArray<int>? ownerOf)
    {
        private HashSet<int>?[] _sets = new HashSet<int>?[64];

        public void Add(int value, int node)
        {
            if (ownerOf is null)
                return;
            var index = value + 1;
            if (index >= _sets.Length)
                Array.Resize(ref _sets, Math.Max(index + 1, _sets.Length * 2));
            var set = _sets[index] ??= [];
            if (set.Count < OwnerBound)
                set.Add(ownerOf[node]);
        }

        public long Count(int value, long nodes) =>
            ownerOf is null ? nodes : value + 1 < _sets.Length && _sets[value + 1] is { } set ? set.Count : 0;
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

    /// <summary>For a coded field, the label of the concept a value codes (modality MR: Magnetic Resonance), when the catalogue holds it.</summary>
    private static Func<int, string?> ConceptLabel(CatalogSnapshot? snapshot, FieldDef definition, Func<int, string> text) =>
        snapshot is null || definition.CodeSystem is not { } system
            ? _ => null
            : value => snapshot.Find(GraphModel.Concept, system + ":" + text(value))?["label"] as string;

    /// <summary>Collects value ids of target nodes and turns them back into text and labels.</summary>
    private sealed class Counter
    {
        private readonly Action<int, HashSet<int>> _collect;
        private readonly Func<int, string> _text;
        private readonly Func<int, string?> _label;

        private Counter(Action<int, HashSet<int>> collect, Func<int, string> text, Func<int, string?> label, Func<int, int>? single = null)
        {
            Single = single;
            _collect = collect;
            _text = text;
            _label = label;
        }

        private int[] _dense = new int[64];

        /// <summary>The value id of a target node (-1 when missing), for fields with at most one value.</summary>
        public Func<int, int>? Single { get; }

        public IEnumerable<KeyValuePair<int, int>> Counts =>
            Enumerable.Range(0, _dense.Length).Where(i => _dense[i] > 0).Select(i => new KeyValuePair<int, int>(i, _dense[i]));

        public void Add(int value, int count = 1)
        {
            if (value >= _dense.Length)
                Array.Resize(ref _dense, Math.Max(value + 1, _dense.Length * 2));
            _dense[value] += count;
        }

        public void Collect(int target, HashSet<int> seen) => _collect(target, seen);

        /// <summary>Fills <paramref name="seen"/> with the value ids of a node: its own, or those of the targets it reaches.</summary>
        public void CollectOf(int node, ChunkedArray<int[]>? targets, HashSet<int> seen)
        {
            seen.Clear();
            if (targets is null)
            {
                _collect(node, seen);
                return;
            }

            foreach (var target in targets[node])
                _collect(target, seen);
        }

        public string Text(int value) => _text(value);

        public string? Label(int value) => _label(value);

        public static Counter For(NodeTable table, FieldPath path, CatalogSnapshot? snapshot = null)
        {
            if (path.Definition is null)
            {
                var labelColumn = table.Column("name") ?? table.Column("title") ?? table.Column("label");
                return new Counter((t, seen) => seen.Add(t), table.Key, t => labelColumn?.Get(t) as string, t => t);
            }

            switch (table.Column(path.Field))
            {
                case NumberColumn number when snapshot is not null:
                    var numbers = NumberIdsOf(snapshot, table, number, path.Definition.Type != ValueKind.Float);
                    var (numberIds, numberTexts) = (numbers.Ids, numbers.Texts);
                    return new Counter((t, seen) => { if (numberIds[t] >= 0) seen.Add(numberIds[t]); }, id => numberTexts[id], _ => null, t => numberIds[t]);
                case StringColumn text:
                    return new Counter((t, seen) => { if (text.Code(t) is var c and >= 0) seen.Add(c); }, c => text.Values[c], ConceptLabel(snapshot, path.Definition, c => text.Values[c]), text.Code);
                case StringListColumn list:
                    return new Counter((t, seen) => { foreach (var c in list.CodesOf(t) ?? []) seen.Add(c); }, c => list.Values[c], _ => null);
                case BoolColumn flag:
                    return new Counter((t, seen) => { if (flag.Value(t) is var v and >= 0) seen.Add(v); }, v => v == 1 ? "true" : "false", _ => null, t => flag.Value(t));
                case NumberColumn number:
                    var values = new List<double>();
                    var ids = new Dictionary<double, int>();
                    var whole = path.Definition.Type != ValueKind.Float;
                    int IdOf(int t)
                    {
                        var v = number.Value(t);
                        if (double.IsNaN(v))
                            return -1;
                        if (!ids.TryGetValue(v, out var id))
                        {
                            id = values.Count;
                            values.Add(v);
                            ids[v] = id;
                        }

                        return id;
                    }

                    return new Counter(
                        (t, seen) => { if (IdOf(t) is var id and >= 0) seen.Add(id); },
                        id => whole ? ((long)values[id]).ToString(CultureInfo.InvariantCulture) : values[id].ToString("R", CultureInfo.InvariantCulture),
                        _ => null,
                        IdOf);
                default:
                    throw new CatalogQueryException($"'{path.Text}' cannot be counted as a facet.");
            }
        }
    }
}
