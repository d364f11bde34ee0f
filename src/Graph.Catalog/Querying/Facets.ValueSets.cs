using System.Numerics;
using Graph.Catalog.Storage;

namespace Graph.Catalog.Querying;

/// <summary>Counting a facet of a node's own text or yes/no field value by value (Solr's facet.method=enum): the nodes of each
/// value are kept as a set, and a value's count is the size of its set's intersection with the filtered nodes. Over a large
/// filtered set of a field with few values this reads a few words per 64 nodes, where visiting each node reads its code and
/// counts it.</summary>
public static partial class Facets
{
    // The most values of a field that are kept as sets (a set is one bit per node of the table, for every value). A field with
    // more, the scanner model (52 values at a million series), was counted faster node by node in every measure.
    private const int MaxValueSets = 32;

    /// <summary>How many words of value sets cost as much as visiting one node of the filtered set: measured with the peer
    /// benchmark's distinct facet requests (`Graph.Bench facet-methods --factor N`), best from 4, 8 and 16 at launch scale and
    /// at a million series.</summary>
    internal const int WordsPerNode = 8;

    /// <summary>Counts per code of a coded column over <paramref name="nodes"/> value by value, when that reads fewer words
    /// than visiting each node costs (<paramref name="wordsPerNode"/> words a node); returns the number of nodes without a
    /// value, or -1 when it did not count.</summary>
    private static int CountByValueSets<T>(CatalogSnapshot snapshot, NodeTable table, Column column, ChunkedArray<T> codes, Bitset nodes, int[] counts, int wordsPerNode)
        where T : struct, IBinaryInteger<T>
    {
        if (counts.Length > MaxValueSets)
            return -1;
        var size = nodes.Count();
        if (size == 0)
            return -1;
        var words = nodes.Words;
        var (from, to) = Span(words);
        var sets = ValueSetsOf(snapshot, table, column, codes);
        long cost = 0;
        foreach (var code in sets.ByFrequency)
        {
            var (_, first, last) = sets.Sets[code]!.Value;
            cost += Math.Max(0, Math.Min(to, last) - Math.Max(from, first));
        }

        if (cost >= (long)wordsPerNode * size)
            return -1;
        var counted = 0;
        foreach (var code in sets.ByFrequency)
        {
            // Every node counted: the values left have none of them.
            if (counted == size)
                break;
            var (set, first, last) = sets.Sets[code]!.Value;
            var start = Math.Max(from, first);
            var end = Math.Min(to, last);
            if (start < end && code < counts.Length)
                counted += counts[code] = IntersectionCount(words[start..end], set.Words[start..end]);
        }

        return size - counted;
    }

    // The words from the first that is not zero to the last (an empty range when all are).
    private static (int From, int To) Span(ReadOnlySpan<ulong> words)
    {
        var from = words.IndexOfAnyExcept(0UL);
        return from < 0 ? (0, 0) : (from, words.LastIndexOfAnyExcept(0UL) + 1);
    }

    // The number of bits set in both of two spans of words as long.
    private static int IntersectionCount(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
            count += BitOperations.PopCount(a[i] & b[i]);
        return count;
    }

    /// <summary>The value sets of a coded column (text codes or yes/no values), built once per snapshot or patched from the
    /// previous snapshot's for the nodes written since; kept in the snapshot every view of it shares (a view's filtered nodes
    /// are only its live ones).</summary>
    private static ValueSets ValueSetsOf<T>(CatalogSnapshot snapshot, NodeTable table, Column column, ChunkedArray<T> codes)
        where T : struct, IBinaryInteger<T>
    {
        var root = snapshot.Root;
        return root.Derive(
            $"value-sets:{table.Kind.Label}.{column.Field.Name}",
            () => ValueSets.Build(codes, table.Count),
            (earlier, changes) => ChangedNodes.Own(root, changes, table.Kind, earlier.Length) is { } changed ? earlier.With(codes, table.Count, changed) : null);
    }

    /// <summary>The nodes of each code (null: no node has it) with the range of words where they lie (a value that came with
    /// some imports lies in part of the table only), over a table of <see cref="Length"/> nodes; a set may be shorter than the
    /// table when no node past its end has the value.</summary>
    private sealed class ValueSets
    {
        private ValueSets(Bitset?[] sets, int length)
        {
            Length = length;
            Sets = new (Bitset, int, int)?[sets.Length];
            var sizes = new int[sets.Length];
            for (var code = 0; code < sets.Length; code++)
            {
                if (sets[code] is { } set && Span(set.Words) is (var first, var last) && first < last)
                {
                    Sets[code] = (set, first, last);
                    sizes[code] = set.Count();
                }
            }

            ByFrequency = [.. Enumerable.Range(0, sets.Length).Where(code => Sets[code] is not null).OrderByDescending(code => sizes[code])];
        }

        /// <summary>Each code's nodes, and the words from the first that holds one to the last (exclusive).</summary>
        public (Bitset Set, int First, int Last)?[] Sets { get; }

        /// <summary>The codes some node has, most frequent first.</summary>
        public int[] ByFrequency { get; }

        public int Length { get; }

        public static ValueSets Build<T>(ChunkedArray<T> codes, int length)
            where T : struct, IBinaryInteger<T>
        {
            var sets = new List<Bitset?>();
            for (var node = 0; node < codes.Length; node++)
            {
                var code = int.CreateTruncating(codes[node]);
                if (code < 0)
                    continue;
                while (sets.Count <= code)
                    sets.Add(null);
                (sets[code] ??= new Bitset(length)).Add(node);
            }

            return new ValueSets([.. sets], length);
        }

        /// <summary>A copy for a table of <paramref name="length"/> nodes with the codes of some nodes set again; the sets of
        /// codes no such node had or has are shared with this one.</summary>
        public ValueSets With<T>(ChunkedArray<T> codes, int length, IEnumerable<int> nodes)
            where T : struct, IBinaryInteger<T>
        {
            var sets = Sets.Select(s => s?.Set).ToList();
            var copied = new bool[sets.Count];
            foreach (var node in nodes)
            {
                for (var code = 0; code < Sets.Length; code++)
                {
                    if (Sets[code] is { } set && set.Set[node])
                        Writable(code).Remove(node);
                }

                var now = node < codes.Length ? int.CreateTruncating(codes[node]) : -1;
                if (now >= 0)
                    Writable(now).Add(node);
            }

            return new ValueSets([.. sets], length);

            Bitset Writable(int code)
            {
                while (sets.Count <= code)
                    sets.Add(null);
                if (copied.Length < sets.Count)
                    Array.Resize(ref copied, sets.Count);
                if (!copied[code])
                {
                    sets[code] = sets[code] is { } shared ? shared.Resized(length) : new Bitset(length);
                    copied[code] = true;
                }

                return sets[code]!;
            }
        }
    }
}
