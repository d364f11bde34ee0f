using System.Collections.Immutable;
using Graph.Domain;

namespace Graph.Catalog.Storage;

/// <summary>The relationships of one kind in a snapshot: sorted neighbour ordinals both ways, and properties where the kind has any.</summary>
internal sealed class Adjacency(RelationKind kind, ChunkedArray<int[]> outgoing, ChunkedArray<int[]> incoming, int count, ImmutableDictionary<long, IReadOnlyDictionary<string, object?>> properties)
{
    public RelationKind Kind { get; } = kind;

    /// <summary>End-node ordinals by start-node ordinal, ascending.</summary>
    public ChunkedArray<int[]> Outgoing { get; } = outgoing;

    /// <summary>Start-node ordinals by end-node ordinal, ascending.</summary>
    public ChunkedArray<int[]> Incoming { get; } = incoming;

    /// <summary>The number of live relationships.</summary>
    public int Count { get; } = count;

    public ImmutableDictionary<long, IReadOnlyDictionary<string, object?>> Properties { get; } = properties;

    public static Adjacency Empty(RelationKind kind) =>
        new(kind, ChunkedArray<int[]>.Empty, ChunkedArray<int[]>.Empty, 0, ImmutableDictionary<long, IReadOnlyDictionary<string, object?>>.Empty);

    /// <summary>The neighbours of a node, walking forward (start to end) or in reverse.</summary>
    public int[] Neighbours(int ordinal, bool forward)
    {
        var side = forward ? Outgoing : Incoming;
        return ordinal < side.Length ? side[ordinal] ?? [] : [];
    }

    public static long PairKey(int from, int to) => ((long)from << 32) | (uint)to;
}
