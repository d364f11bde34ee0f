using Graph.Catalog.Storage;

namespace Graph.Catalog.Querying;

/// <summary>Facet counts split by what the caller may read, for disclosure control: readable nodes, unreadable ones and their
/// distinct owners; and a set of nodes partitioned by value.</summary>
public static partial class Facets
{
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
}
