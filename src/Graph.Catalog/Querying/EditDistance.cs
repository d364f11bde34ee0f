using System.Numerics;

namespace Graph.Catalog.Querying;

/// <summary>Typo distance between words: insertions, deletions, substitutions and swaps of neighbours (optimal string alignment), bounded.</summary>
internal static class EditDistance
{
    /// <summary>The edits a word of this length may have and still match: none under 5 characters, one from 5, two from 9.</summary>
    public static int Allowed(int length) => length >= 9 ? 2 : length >= 5 ? 1 : 0;

    /// <summary>The characters of a word as bits: a to z and 0 to 9 each their own, any other shares one of the rest.</summary>
    public static ulong Letters(string word)
    {
        var bits = 0UL;
        foreach (var c in word)
        {
            var bit = c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? 26 + (c - '0') : 36 + (c % 28);
            bits |= 1UL << bit;
        }

        return bits;
    }

    /// <summary>Whether words with these <see cref="Letters"/> may be <paramref name="max"/> edits apart: each edit adds at most one
    /// character the other word lacks and takes away at most one it has, so each word has at most <paramref name="max"/> characters
    /// the other lacks (characters sharing a bit only lower the count). False rules the pair out; true needs <see cref="Within"/>.</summary>
    public static bool MayBeWithin(ulong a, ulong b, int max) => BitOperations.PopCount(a & ~b) <= max && BitOperations.PopCount(b & ~a) <= max;

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are at most <paramref name="max"/> edits apart.</summary>
    public static bool Within(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
            return false;
        // Three rows of the dynamic programme: two back for swaps, one back, current.
        Span<int> before = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, before[j - 2] + 1);
                current[j] = value;
                rowBest = Math.Min(rowBest, value);
            }

            if (rowBest > max)
                return false;
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length] <= max;
    }
}
