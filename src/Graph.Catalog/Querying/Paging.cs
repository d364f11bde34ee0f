namespace Graph.Catalog.Querying;

/// <summary>Cuts Relay pages from ordinal sets in ascending ordinal order.</summary>
internal static class Paging
{
    /// <summary>The page of a set of ordinals (from a filter).</summary>
    public static Page Cut(Bitset set, PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(set);
        return Cut(set.Count(), set.NextFrom, set.PreviousFrom, set.Length, request);
    }

    /// <summary>The page of an ascending list of ordinals (related nodes).</summary>
    public static Page Cut(int[] sorted, PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return Cut(
            sorted.Length,
            from => sorted.Length == 0 ? -1 : LowerBound(sorted, from) is var i && i < sorted.Length ? sorted[i] : -1,
            from => sorted.Length == 0 ? -1 : UpperBound(sorted, from) - 1 is var i && i >= 0 ? sorted[i] : -1,
            sorted.Length == 0 ? 0 : sorted[^1] + 1,
            request);
    }

    /// <summary>The page of a set in a given order, selecting only what a forward page needs instead of sorting everything.</summary>
    public static Page CutSorted(Bitset set, Comparison<int> comparison, PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(request);
        var total = set.Count();
        if (request.Last is not null || request.Before is not null)
            return CutOrdered(Ordering.Sort(set.Ordinals(), comparison), comparison, request, total);
        var first = request.First ?? PageRequest.DefaultSize;
        var candidates = set.Ordinals();
        var remaining = total;
        if (request.After is not null)
        {
            var cursor = Cursor.Decode(request.After);
            var after = candidates.Where(o => comparison(o, cursor) > 0).ToArray();
            remaining = after.Length;
            candidates = after;
        }

        var top = Ordering.Sort(candidates, comparison, first + 1);
        var page = top.Length > first ? top[..first] : top;
        return new Page(page, remaining < total, top.Length > first, total);
    }

    /// <summary>The page of nodes in a given order; cursors are positioned by comparing their nodes in that order.</summary>
    public static Page CutOrdered(int[] ordered, Comparison<int> comparison, PageRequest request, int? total = null)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(request);
        var start = request.After is null ? 0 : Bound(ordered, Cursor.Decode(request.After), comparison, after: true);
        var end = request.Before is null ? ordered.Length : Bound(ordered, Cursor.Decode(request.Before), comparison, after: false);
        if (end < start)
            end = start;
        int from, to;
        if (request.Last is { } last && request.First is null)
        {
            to = end;
            from = Math.Max(start, end - last);
        }
        else
        {
            from = start;
            to = Math.Min(end, start + (request.First ?? PageRequest.DefaultSize));
            if (request.Last is { } keep && to - from > keep)
                from = to - keep;
        }

        return new Page(ordered[from..to], from > 0, to < ordered.Length, total ?? ordered.Length);
    }

    // The index of the first element after (or not before) the cursor's node in the order.
    private static int Bound(int[] ordered, int cursor, Comparison<int> comparison, bool after)
    {
        int low = 0, high = ordered.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var c = comparison(ordered[middle], cursor);
            if (c < 0 || (after && c == 0))
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }

    private static Page Cut(int total, Func<int, int> nextFrom, Func<int, int> previousFrom, int end, PageRequest request)
    {
        var after = request.After is null ? -1 : Cursor.Decode(request.After);
        var before = request.Before is null ? int.MaxValue : Cursor.Decode(request.Before);
        var items = new List<int>();
        if (request.Last is { } last && request.First is null)
        {
            for (var o = previousFrom(Math.Min(before - 1, end)); o > after && items.Count < last; o = previousFrom(o - 1))
                items.Add(o);
            items.Reverse();
        }
        else
        {
            var first = request.First ?? PageRequest.DefaultSize;
            for (var o = nextFrom(after + 1); o >= 0 && o < before && items.Count < first; o = nextFrom(o + 1))
                items.Add(o);
            if (request.Last is { } keep && items.Count > keep)
                items.RemoveRange(0, items.Count - keep);
        }

        bool hasPrevious, hasNext;
        if (items.Count > 0)
        {
            hasPrevious = items[0] > 0 && previousFrom(items[0] - 1) >= 0;
            hasNext = nextFrom(items[^1] + 1) >= 0;
        }
        else if (request.Last is not null && request.First is null)
        {
            // An empty page taken from the end sits just before 'before'.
            hasPrevious = previousFrom(Math.Min(before - 1, end)) > after;
            hasNext = before != int.MaxValue && nextFrom(before) >= 0;
        }
        else
        {
            // An empty page taken from the start sits just after 'after'.
            hasPrevious = after >= 0 && previousFrom(after) >= 0;
            hasNext = nextFrom(after + 1) >= 0;
        }

        return new Page(items, hasPrevious, hasNext, total);
    }

    private static int LowerBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }

    private static int UpperBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index + 1 : ~index;
    }
}
