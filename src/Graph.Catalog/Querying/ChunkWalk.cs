using System.Numerics;
using Graph.Catalog.Storage;

namespace Graph.Catalog.Querying;

/// <summary>Walks the nodes of a set with their entries in a chunked column or map, a word of the set (64 nodes) at a time:
/// a chunk holds 4,096 rows, so a word's nodes lie in one chunk and each entry is one load. The visitor is a struct, so the
/// loop is compiled for each kind of visit (a facet count, a map walk).</summary>
internal static class ChunkWalk
{
    /// <summary>What a walk does with each node.</summary>
    public interface IVisitor<in T>
    {
        /// <summary>A node of the set and its entry.</summary>
        void Entry(int node, T value);

        /// <summary>A node of the set past the entries' end (it has none).</summary>
        void PastEnd(int node);
    }

    /// <summary>Hands each node of <paramref name="nodes"/>, ascending, with its entry in <paramref name="entries"/> to the visitor.</summary>
    public static void Each<T, TVisitor>(Bitset nodes, ChunkedArray<T> entries, ref TVisitor visitor)
        where TVisitor : struct, IVisitor<T>
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(entries);
        var words = nodes.Words;
        var length = entries.Length;
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            if (word == 0)
                continue;
            var first = w << 6;
            var end = Math.Min(64, length - first);
            if (end <= 0)
            {
                for (; word != 0; word &= word - 1)
                    visitor.PastEnd(first + BitOperations.TrailingZeroCount(word));
                continue;
            }

            var chunk = entries.Chunks[first >> ChunkedArray<T>.Shift];
            var offset = first & ChunkedArray<T>.Mask;
            for (; word != 0; word &= word - 1)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                if (bit < end)
                    visitor.Entry(first + bit, chunk[offset + bit]);
                else
                    visitor.PastEnd(first + bit);
            }
        }
    }
}
