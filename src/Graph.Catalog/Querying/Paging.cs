namespace Graph.Catalog.Querying;

/// <summary>Cuts Relay pages from ordinal sets in ascending ordinal order.</summary>
public static class Paging
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
