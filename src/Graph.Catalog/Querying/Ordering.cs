using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>Sorts ordinals by several keys with the ordinal as the final tie-break, so the order is total and stable.</summary>
internal static class Ordering
{
    /// <summary>Builds the comparison of two nodes of a kind under the given keys.</summary>
    /// <exception cref="CatalogQueryException">A key names no sortable field.</exception>
    public static Comparison<int> Comparer(CatalogSnapshot snapshot, NodeKind kind, IReadOnlyList<OrderSpec> order)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(order);
        var table = snapshot.Table(kind);
        var keys = order.Select(spec => KeyComparer(table, spec)).ToArray();
        return (a, b) =>
        {
            foreach (var key in keys)
            {
                var result = key(a, b);
                if (result != 0)
                    return result;
            }

            return a.CompareTo(b);
        };
    }

    /// <summary>The nodes of a set in order; only the first <paramref name="top"/> are sorted when it is given.</summary>
    public static int[] Sort(IEnumerable<int> ordinals, Comparison<int> comparison, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(ordinals);
        if (top is { } k)
        {
            // Keeps the k smallest in a max-heap: O(n log k) instead of sorting everything for a first page.
            var heap = new PriorityQueue<int, int>(k + 1, Comparer<int>.Create((a, b) => comparison(b, a)));
            foreach (var ordinal in ordinals)
            {
                heap.Enqueue(ordinal, ordinal);
                if (heap.Count > k)
                    heap.Dequeue();
            }

            var result = new int[heap.Count];
            for (var i = result.Length - 1; i >= 0; i--)
                result[i] = heap.Dequeue();
            return result;
        }

        var all = ordinals.ToArray();
        Array.Sort(all, comparison);
        return all;
    }

    private static Comparison<int> KeyComparer(NodeTable table, OrderSpec spec)
    {
        var sign = spec.Descending ? -1 : 1;
        if (spec.Field == table.Kind.KeyField)
            return (a, b) => sign * string.CompareOrdinal(table.Key(a), table.Key(b));
        var column = table.Column(spec.Field)
            ?? throw new CatalogQueryException($"{table.Kind.Label} cannot be sorted by '{spec.Field}'. Sortable fields: {string.Join(", ", Sortable(table.Kind))}.");
        switch (column)
        {
            case NumberColumn number:
                return (a, b) =>
                {
                    double x = number.Value(a), y = number.Value(b);
                    if (double.IsNaN(x) || double.IsNaN(y))
                        return double.IsNaN(x) ? (double.IsNaN(y) ? 0 : 1) : -1;
                    return sign * x.CompareTo(y);
                };
            case StringColumn text:
                var ranks = Ranks(text.Values);
                return (a, b) =>
                {
                    int x = text.Code(a), y = text.Code(b);
                    if (x < 0 || y < 0)
                        return x < 0 ? (y < 0 ? 0 : 1) : -1;
                    return sign * ranks[x].CompareTo(ranks[y]);
                };
            case BoolColumn flag:
                return (a, b) =>
                {
                    int x = flag.Value(a), y = flag.Value(b);
                    if (x < 0 || y < 0)
                        return x < 0 ? (y < 0 ? 0 : 1) : -1;
                    return sign * x.CompareTo(y);
                };
            default:
                throw new CatalogQueryException($"{table.Kind.Label} cannot be sorted by the list field '{spec.Field}'. Sortable fields: {string.Join(", ", Sortable(table.Kind))}.");
        }
    }

    private static IEnumerable<string> Sortable(NodeKind kind) => kind.SortableFields;

    private static int[] Ranks(ValueDictionary values)
    {
        var count = values.Count;
        var codes = Enumerable.Range(0, count).ToArray();
        Array.Sort(codes, (a, b) => string.Compare(values[a], values[b], StringComparison.OrdinalIgnoreCase) is var c and not 0 ? c : string.CompareOrdinal(values[a], values[b]));
        var ranks = new int[count];
        for (var i = 0; i < count; i++)
            ranks[codes[i]] = i;
        return ranks;
    }
}
