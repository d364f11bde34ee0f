using System.Numerics;

namespace Graph.Catalog.Querying;

/// <summary>A fixed-size set of ordinals, one bit each.</summary>
internal sealed class Bitset
{
    private readonly ulong[] _words;

    /// <summary>Creates an empty set over ordinals below <paramref name="length"/>.</summary>
    public Bitset(int length)
    {
        Length = length;
        _words = new ulong[(length + 63) >> 6];
    }

    /// <summary>The number of ordinals the set ranges over.</summary>
    public int Length { get; }

    /// <summary>The set's words, 64 ordinals each, lowest ordinal in the lowest bit (for loops that read or write a word at a time).</summary>
    public Span<ulong> Words => _words;

    /// <summary>Whether an ordinal is in the set.</summary>
    public bool this[int ordinal] => (uint)ordinal < (uint)Length && (_words[ordinal >> 6] & (1UL << ordinal)) != 0;

    /// <summary>Adds an ordinal.</summary>
    public void Add(int ordinal) => _words[ordinal >> 6] |= 1UL << ordinal;

    /// <summary>Removes an ordinal.</summary>
    public void Remove(int ordinal) => _words[ordinal >> 6] &= ~(1UL << ordinal);

    /// <summary>The number of ordinals in the set.</summary>
    public int Count()
    {
        var count = 0;
        foreach (var word in _words)
            count += BitOperations.PopCount(word);
        return count;
    }

    /// <summary>Keeps only the ordinals also in <paramref name="other"/>.</summary>
    public Bitset And(Bitset other)
    {
        var shared = Math.Min(_words.Length, other._words.Length);
        And(_words.AsSpan(0, shared), other._words.AsSpan(0, shared), _words);
        _words.AsSpan(shared).Clear();
        return this;
    }

    /// <summary>A new set of the ordinals in both <paramref name="left"/> and <paramref name="right"/> (one pass, no copy first).</summary>
    public static Bitset Intersect(Bitset left, Bitset right)
    {
        var result = new Bitset(left.Length);
        var shared = Math.Min(left._words.Length, right._words.Length);
        And(left._words.AsSpan(0, shared), right._words.AsSpan(0, shared), result._words);
        return result;
    }

    /// <summary>Adds the ordinals of <paramref name="other"/>.</summary>
    public Bitset Or(Bitset other)
    {
        var a = _words.AsSpan(0, Math.Min(_words.Length, other._words.Length));
        var b = other._words.AsSpan(0, a.Length);
        var i = 0;
        for (; i <= a.Length - Vector<ulong>.Count; i += Vector<ulong>.Count)
            (new Vector<ulong>(a[i..]) | new Vector<ulong>(b[i..])).CopyTo(a[i..]);
        for (; i < a.Length; i++)
            a[i] |= b[i];
        return this;
    }

    /// <summary>Removes the ordinals of <paramref name="other"/>.</summary>
    public Bitset AndNot(Bitset other)
    {
        var a = _words.AsSpan(0, Math.Min(_words.Length, other._words.Length));
        var b = other._words.AsSpan(0, a.Length);
        var i = 0;
        for (; i <= a.Length - Vector<ulong>.Count; i += Vector<ulong>.Count)
            Vector.AndNot(new Vector<ulong>(a[i..]), new Vector<ulong>(b[i..])).CopyTo(a[i..]);
        for (; i < a.Length; i++)
            a[i] &= ~b[i];
        return this;
    }

    // result[i] = a[i] & b[i], a vector of words at a time; a and b are as long, result at least as long.
    private static void And(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> result)
    {
        var i = 0;
        for (; i <= a.Length - Vector<ulong>.Count; i += Vector<ulong>.Count)
            (new Vector<ulong>(a[i..]) & new Vector<ulong>(b[i..])).CopyTo(result[i..]);
        for (; i < a.Length; i++)
            result[i] = a[i] & b[i];
    }

    /// <summary>A set over ordinals below <paramref name="length"/> holding the given ordinals.</summary>
    public static Bitset Of(int length, IEnumerable<int> ordinals)
    {
        ArgumentNullException.ThrowIfNull(ordinals);
        var set = new Bitset(length);
        foreach (var ordinal in ordinals)
            set.Add(ordinal);
        return set;
    }

    /// <summary>A copy of the set.</summary>
    public Bitset Clone()
    {
        var copy = new Bitset(Length);
        Array.Copy(_words, copy._words, _words.Length);
        return copy;
    }

    /// <summary>A copy of the set over ordinals below <paramref name="length"/> (at least its own length).</summary>
    public Bitset Resized(int length)
    {
        var copy = new Bitset(length);
        Array.Copy(_words, copy._words, Math.Min(_words.Length, copy._words.Length));
        return copy;
    }

    /// <summary>The smallest ordinal in the set that is at least <paramref name="from"/>, or -1.</summary>
    public int NextFrom(int from)
    {
        if (from < 0)
            from = 0;
        if (from >= Length)
            return -1;
        var index = from >> 6;
        var word = _words[index] & (ulong.MaxValue << from);
        while (true)
        {
            if (word != 0)
                return (index << 6) + BitOperations.TrailingZeroCount(word);
            if (++index >= _words.Length)
                return -1;
            word = _words[index];
        }
    }

    /// <summary>The largest ordinal in the set that is at most <paramref name="from"/>, or -1.</summary>
    public int PreviousFrom(int from)
    {
        if (from >= Length)
            from = Length - 1;
        if (from < 0)
            return -1;
        var index = from >> 6;
        var shift = 63 - (from & 63);
        var word = _words[index] << shift >> shift;
        while (true)
        {
            if (word != 0)
                return (index << 6) + 63 - BitOperations.LeadingZeroCount(word);
            if (--index < 0)
                return -1;
            word = _words[index];
        }
    }

    /// <summary>Enumerates the ordinals in the set, ascending, a word at a time (for hot loops: <c>foreach (var o in set)</c>).</summary>
    public Enumerator GetEnumerator() => new(_words);

    /// <summary>Walks the set bits of the words without allocating.</summary>
    public struct Enumerator(ulong[] words)
    {
        private int _index = -1;
        private ulong _word;

        /// <summary>The current ordinal.</summary>
        public int Current { get; private set; }

        /// <summary>Moves to the next ordinal in the set.</summary>
        public bool MoveNext()
        {
            while (_word == 0)
            {
                if (++_index >= words.Length)
                    return false;
                _word = words[_index];
            }

            Current = (_index << 6) + BitOperations.TrailingZeroCount(_word);
            _word &= _word - 1;
            return true;
        }
    }

    /// <summary>The ordinals in the set, ascending.</summary>
    public IEnumerable<int> Ordinals()
    {
        for (var i = NextFrom(0); i >= 0; i = NextFrom(i + 1))
            yield return i;
    }
}
