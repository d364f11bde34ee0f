using System.Collections.Concurrent;
using Graph.Domain;

namespace Graph.Catalog.Storage;

/// <summary>The nodes of one kind in a snapshot: keys, liveness and one column per field, by ordinal.</summary>
/// <remarks>An ordinal is given once to a key and never changes; a deleted node keeps its ordinal and is not live.</remarks>
internal sealed class NodeTable
{
    internal NodeTable(NodeKind kind, int count, int liveCount, ChunkedArray<string> keys, ChunkedArray<bool> live, Column[] columns, ConcurrentDictionary<string, int> ordinals, Querying.Bitset? liveBits = null)
    {
        _liveBits = liveBits;
        Kind = kind;
        Count = count;
        LiveCount = liveCount;
        Keys = keys;
        Live = live;
        Columns = columns;
        Ordinals = ordinals;
        ColumnsByName = columns.ToDictionary(c => c.Field.Name, StringComparer.Ordinal);
    }

    private Querying.Bitset? _liveBits;

    public NodeKind Kind { get; }

    /// <summary>The set of live ordinals if it was built (the next version patches it rather than scanning).</summary>
    internal Querying.Bitset? CachedLiveBits => _liveBits;

    /// <summary>The number of ordinals given, deleted nodes included.</summary>
    public int Count { get; }

    /// <summary>The number of live nodes.</summary>
    public int LiveCount { get; }

    public ChunkedArray<string> Keys { get; }

    public ChunkedArray<bool> Live { get; }

    public Column[] Columns { get; }

    public IReadOnlyDictionary<string, Column> ColumnsByName { get; }

    /// <summary>Ordinals by key, shared by all snapshots; an entry at or past <see cref="Count"/> is not in this one.</summary>
    internal ConcurrentDictionary<string, int> Ordinals { get; }

    public static NodeTable Empty(NodeKind kind) =>
        new(kind, 0, 0, ChunkedArray<string>.Empty, ChunkedArray<bool>.Empty, kind.Fields.Select(Storage.Column.Create).ToArray(), new(StringComparer.Ordinal));

    /// <summary>Finds the ordinal of a live node by key, or -1.</summary>
    public int Find(string key) =>
        Ordinals.TryGetValue(key, out var ordinal) && ordinal < Count && Live[ordinal] ? ordinal : -1;

    /// <summary>A new set of the live ordinals (a copy the caller may change).</summary>
    public Querying.Bitset LiveSet() => SharedLiveSet().Clone();

    /// <summary>The set of the live ordinals, kept by the table: the caller must not change it.</summary>
    internal Querying.Bitset SharedLiveSet()
    {
        if (_liveBits is null)
        {
            var bits = new Querying.Bitset(Count);
            for (var i = 0; i < Count; i++)
            {
                if (Live[i])
                    bits.Add(i);
            }

            _liveBits = bits;
        }

        return _liveBits;
    }

    /// <summary>A copy in which only the live nodes that are also in <paramref name="visible"/> are live.</summary>
    public NodeTable Restrict(Querying.Bitset visible)
    {
        var live = new ChunkedArrayBuilder<bool>(ChunkedArray<bool>.Empty, false);
        // The live set too, in the same pass: a restricted view is made per request, and scans and walks read its live set.
        var bits = new Querying.Bitset(Count);
        var count = 0;
        for (var i = 0; i < Count; i++)
        {
            var keep = Live[i] && visible[i];
            live.Set(i, keep);
            if (keep)
            {
                bits.Add(i);
                count++;
            }
        }

        return new NodeTable(Kind, Count, count, Keys, live.Build(), Columns, Ordinals, bits);
    }

    public bool IsLive(int ordinal) => ordinal >= 0 && ordinal < Count && Live[ordinal];

    public string Key(int ordinal) => Keys[ordinal];

    public Column? Column(string field) => ColumnsByName.GetValueOrDefault(field);

    /// <summary>Gets a field value of a node, or null.</summary>
    public object? Get(int ordinal, string field) => ColumnsByName.TryGetValue(field, out var column) ? column.Get(ordinal) : null;
}
