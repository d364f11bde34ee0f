using Graph.Domain;

namespace Graph.Catalog.Storage;

/// <summary>Writes the next version of a node table: new nodes get the next ordinal, changed nodes are replaced.</summary>
internal sealed class TableBuilder(NodeTable source)
{
    private readonly ChunkedArrayBuilder<string> _keys = new(source.Keys, null!);
    private readonly ChunkedArrayBuilder<bool> _live = new(source.Live, false);
    private readonly ColumnBuilder[] _columns = source.Columns.Select(c => c.ToBuilder()).ToArray();
    private readonly Dictionary<string, int> _added = new(StringComparer.Ordinal);
    private readonly HashSet<int> _touched = [];
    private int _count = source.Count;
    private int _liveCount = source.LiveCount;

    public NodeKind Kind => source.Kind;

    /// <summary>The ordinals written or deleted in this version.</summary>
    public IReadOnlySet<int> Touched => _touched;

    /// <summary>Finds the ordinal of a key in this version, live or not, or -1.</summary>
    public int Find(string key)
    {
        if (source.Ordinals.TryGetValue(key, out var ordinal) && ordinal < source.Count)
            return ordinal;
        return _added.GetValueOrDefault(key, -1);
    }

    public bool IsLive(int ordinal) => ordinal < _live.Length && _live[ordinal];

    /// <summary>Replaces a node's properties, creating it if needed; returns its ordinal.</summary>
    public int Put(NodeRecord node)
    {
        var ordinal = Find(node.Key);
        if (ordinal < 0)
        {
            ordinal = _count++;
            _added[node.Key] = ordinal;
            _keys.Set(ordinal, node.Key);
        }

        if (!IsLive(ordinal))
        {
            _live.Set(ordinal, true);
            _liveCount++;
        }

        for (var i = 0; i < _columns.Length; i++)
            _columns[i].Set(ordinal, node.Properties.GetValueOrDefault(source.Columns[i].Field.Name));
        _touched.Add(ordinal);
        return ordinal;
    }

    /// <summary>Marks a node deleted; returns its ordinal, or -1 if it was not live.</summary>
    public int Delete(string key)
    {
        var ordinal = Find(key);
        if (ordinal < 0 || !IsLive(ordinal))
            return -1;
        _live.Set(ordinal, false);
        _liveCount--;
        _touched.Add(ordinal);
        return ordinal;
    }

    public NodeTable Build()
    {
        foreach (var (key, ordinal) in _added)
            source.Ordinals[key] = ordinal;
        return new NodeTable(source.Kind, _count, _liveCount, _keys.Build(), _live.Build(), _columns.Select(c => c.Build()).ToArray(), source.Ordinals, LiveBits());
    }

    // The source's set of live ordinals, when it has one and few nodes changed, patched by the changed ones (else built on first use).
    private Querying.Bitset? LiveBits()
    {
        if (source.CachedLiveBits is not { } bits || _touched.Count > SnapshotChanges.MaxListed)
            return null;
        var live = new Querying.Bitset(_count).Or(bits);
        foreach (var ordinal in _touched)
        {
            if (IsLive(ordinal))
                live.Add(ordinal);
            else
                live.Remove(ordinal);
        }

        return live;
    }
}
