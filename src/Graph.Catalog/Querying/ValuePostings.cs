using Graph.Catalog.Storage;

namespace Graph.Catalog.Querying;

/// <summary>
/// The nodes of each value of a text column, as lists of ordinals (an inverted index by value code): a text search
/// visits the nodes of the values its words match instead of reading every node's code. Made once per snapshot, kept in the
/// snapshot every view of it shares (a view checks liveness itself), and patched from the previous snapshot's for the nodes
/// written since.
/// </summary>
internal sealed class ValuePostings
{
    private static readonly int[] None = [];

    private ValuePostings(ChunkedArray<int> codes, int[][] lists)
    {
        Codes = codes;
        Lists = lists;
    }

    /// <summary>The column's codes the lists were made from.</summary>
    public ChunkedArray<int> Codes { get; }

    /// <summary>Per value code, the ordinals of the nodes that have it (ascending as made; a patched list ends with the nodes
    /// that took the value since).</summary>
    public int[][] Lists { get; }

    /// <summary>The nodes of a code (none past the end).</summary>
    public int[] Of(int code) => (uint)code < (uint)Lists.Length ? Lists[code] : None;

    /// <summary>The postings of a text column of a table of the snapshot.</summary>
    public static ValuePostings Of(CatalogSnapshot snapshot, NodeTable table, StringColumn column)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        var root = snapshot.Root;
        return root.Derive(
            $"postings:{table.Kind.Label}.{column.Field.Name}",
            () => Build(column.Codes),
            (earlier, changes) => ChangedNodes.Own(root, changes, table.Kind, earlier.Codes.Length) is { } changed ? earlier.With(column.Codes, changed) : null);
    }

    private static ValuePostings Build(ChunkedArray<int> codes)
    {
        // Twice over the codes: the size of each list, then the lists.
        var sizes = new int[16];
        for (var node = 0; node < codes.Length; node++)
        {
            var code = codes[node];
            if (code < 0)
                continue;
            if (code >= sizes.Length)
                Array.Resize(ref sizes, Math.Max(code + 1, sizes.Length * 2));
            sizes[code]++;
        }

        var lists = sizes.Select(size => size == 0 ? None : new int[size]).ToArray();
        var filled = new int[lists.Length];
        for (var node = 0; node < codes.Length; node++)
        {
            var code = codes[node];
            if (code >= 0)
                lists[code][filled[code]++] = node;
        }

        return new ValuePostings(codes, lists);
    }

    // A copy for newer codes: the lists of the codes some changed node had or has now made again.
    private ValuePostings With(ChunkedArray<int> codes, IReadOnlySet<int> changed)
    {
        var joined = new Dictionary<int, List<int>>();
        var left = new HashSet<int>();
        foreach (var node in changed)
        {
            var before = node < Codes.Length ? Codes[node] : -1;
            var now = node < codes.Length ? codes[node] : -1;
            if (before == now)
                continue;
            if (before >= 0)
                left.Add(before);
            if (now >= 0)
            {
                if (!joined.TryGetValue(now, out var nodes))
                    joined[now] = nodes = [];
                nodes.Add(node);
            }
        }

        var lists = Lists;
        var length = joined.Count == 0 ? lists.Length : Math.Max(lists.Length, joined.Keys.Max() + 1);
        if (left.Count > 0 || joined.Count > 0)
        {
            lists = new int[length][];
            Array.Copy(Lists, lists, Lists.Length);
            lists.AsSpan(Lists.Length).Fill(None);
            foreach (var code in left.Union(joined.Keys))
            {
                // The nodes of the code that still have it, then those that have it now (none of which it had).
                var list = Of(code).Where(node => codes[node] == code).Concat(joined.GetValueOrDefault(code) ?? []).ToArray();
                lists[code] = list.Length == 0 ? None : list;
            }
        }

        return new ValuePostings(codes, lists);
    }
}
