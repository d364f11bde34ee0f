using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog;

/// <summary>An immutable view of the whole catalogue at one change sequence; readers keep one for a whole request.</summary>
public sealed class CatalogSnapshot
{
    private readonly Dictionary<string, NodeTable> _tables;
    private readonly Dictionary<string, Adjacency> _relations;

    internal CatalogSnapshot(long sequence, Dictionary<string, NodeTable> tables, Dictionary<string, Adjacency> relations)
    {
        Sequence = sequence;
        _tables = tables;
        _relations = relations;
    }

    /// <summary>The store's change sequence this snapshot reflects.</summary>
    public long Sequence { get; }

    /// <summary>A new empty catalogue: the start of a lineage of snapshots (they share key maps and value dictionaries, so lineages must never mix).</summary>
    public static CatalogSnapshot CreateEmpty() => new(
        0,
        GraphModel.NodeKinds.ToDictionary(k => k.Label, NodeTable.Empty, StringComparer.Ordinal),
        GraphModel.Relations.ToDictionary(r => r.Id, Adjacency.Empty, StringComparer.Ordinal));

    internal IReadOnlyDictionary<string, NodeTable> Tables => _tables;

    internal IReadOnlyDictionary<string, Adjacency> Relations => _relations;

    /// <summary>Values derived from this snapshot once and reused by every reader of it (path maps, token indexes).</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, object> Derived { get; } = new(StringComparer.Ordinal);

    internal NodeTable Table(NodeKind kind) => _tables[kind.Label];

    internal Adjacency Relation(RelationKind kind) => _relations[kind.Id];

    /// <summary>The number of live nodes of a kind.</summary>
    public int Count(NodeKind kind) => _tables[kind.Label].LiveCount;

    /// <summary>The number of live relationships of a kind.</summary>
    public int Count(RelationKind kind) => _relations[kind.Id].Count;

    /// <summary>Finds a live node by natural key.</summary>
    public GraphNode? Find(NodeKind kind, string key)
    {
        var table = _tables[kind.Label];
        var ordinal = table.Find(key);
        return ordinal < 0 ? null : new GraphNode(this, table, ordinal);
    }

    /// <summary>A view of this snapshot in which only the given nodes of some kinds are live (for callers who may not read the rest).</summary>
    /// <remarks>A view is only read, never built upon: it shares this snapshot's columns, relationships and key maps.</remarks>
    internal CatalogSnapshot Restrict(IReadOnlyDictionary<NodeKind, Querying.Bitset> visible)
    {
        var tables = new Dictionary<string, NodeTable>(_tables, StringComparer.Ordinal);
        foreach (var (kind, nodes) in visible)
            tables[kind.Label] = _tables[kind.Label].Restrict(nodes);
        return new CatalogSnapshot(Sequence, tables, _relations);
    }

    /// <summary>Gets a live node by ordinal, or null.</summary>
    internal GraphNode? At(NodeKind kind, int ordinal)
    {
        var table = _tables[kind.Label];
        return table.IsLive(ordinal) ? new GraphNode(this, table, ordinal) : null;
    }
}
