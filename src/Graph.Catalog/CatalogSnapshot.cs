using System.Collections.Concurrent;
using Graph.Catalog.Storage;
using Graph.Domain;
using Graph.Store;

namespace Graph.Catalog;

/// <summary>An immutable view of the whole catalogue at one change sequence; readers keep one for a whole request.</summary>
public sealed class CatalogSnapshot
{
    private readonly Dictionary<string, NodeTable> _tables;
    private readonly Dictionary<string, Adjacency> _relations;

    // The most values a snapshot takes over from its predecessor without having been asked for them.
    private const int MaxInherited = 1024;

    // Values derived from the previous snapshots of the lineage and not asked for yet, each with what changed since it was derived.
    private readonly ConcurrentDictionary<string, (object Value, SnapshotChanges Changes)> _inherited = new(StringComparer.Ordinal);

    // A lock per key being derived.
    private readonly ConcurrentDictionary<string, Lock> _deriving = new(StringComparer.Ordinal);

    // The keys of the values in Derived that a next snapshot may patch.
    private readonly ConcurrentDictionary<string, byte> _patchable = new(StringComparer.Ordinal);

    /// <summary>Whether new snapshots take over (and patch) their predecessors' derived values; off only to measure what that saves.</summary>
    internal static bool Inheriting { get; set; } = true;

    internal CatalogSnapshot(long sequence, Dictionary<string, NodeTable> tables, Dictionary<string, Adjacency> relations, CatalogSnapshot? previous = null, SnapshotChanges? changes = null)
    {
        Sequence = sequence;
        _tables = tables;
        _relations = relations;
        Sightings = previous?.Sightings ?? new KeySightings();
        Root = this;
        if (previous is not null && changes is not null && Inheriting)
            Inherit(previous, changes);
    }

    /// <summary>The keys of values asked for before, shared along the lineage: clause results are kept from their second
    /// request on, so that a stream of one-off filters does not fill the cache and shut out the clauses that recur.</summary>
    internal KeySightings Sightings { get; }

    /// <summary>The snapshot of the lineage this one is a view of (<see cref="Restrict"/>), or itself: values derived from columns
    /// alone, which every view shares, are kept there once.</summary>
    internal CatalogSnapshot Root { get; private init; }

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
    internal ConcurrentDictionary<string, object> Derived { get; } = new(StringComparer.Ordinal);

    /// <summary>A value derived from this snapshot, kept in <see cref="Derived"/>: taken from there, else patched from the previous
    /// snapshot's value by what changed since (when <paramref name="patch"/> can; it returns null when it cannot), else built.</summary>
    /// <param name="key">The value's key in <see cref="Derived"/>.</param>
    /// <param name="build">Builds the value from this snapshot.</param>
    /// <param name="patch">Makes this snapshot's value from an earlier one's and the changes since, without changing the earlier value; null to rebuild.</param>
    /// <param name="keep">Whether to keep the value (false when the cache is full).</param>
    internal T Derive<T>(string key, Func<T> build, Func<T, SnapshotChanges, T?> patch, bool keep = true)
        where T : class
    {
        if (Derived.TryGetValue(key, out var cached))
            return (T)cached;

        // A value that will not be kept is the asker's alone.
        if (!keep)
            return DeriveOnce(key, build, patch, keep);

        // One reader derives a value while the others wait for it: right after a commit every client asks for the same ones.
        // The lock goes once the value is in Derived, so a stream of ever new keys leaves no locks behind.
        try
        {
            lock (_deriving.GetOrAdd(key, static _ => new Lock()))
                return DeriveOnce(key, build, patch, keep);
        }
        finally
        {
            _deriving.TryRemove(key, out _);
        }
    }

    private T DeriveOnce<T>(string key, Func<T> build, Func<T, SnapshotChanges, T?> patch, bool keep)
        where T : class
    {
        if (Derived.TryGetValue(key, out var cached))
            return (T)cached;
        T? value = null;
        // A value that will not be kept (the cache is full) leaves the earlier one for the next reader to patch again.
        if ((keep ? _inherited.TryRemove(key, out var earlier) : _inherited.TryGetValue(key, out earlier)) && earlier.Value is T previous)
        {
            value = earlier.Changes.IsEmpty ? previous : patch(previous, earlier.Changes);
            Interlocked.Increment(ref value is null ? ref _rebuilt : ref _patched);
        }

        value ??= build();
        if (!keep)
            return value;
        _patchable.TryAdd(key, 0);
        return (T)Derived.GetOrAdd(key, value);
    }

    // Keys of values kept in Derived that may be dropped to make room (clause results), oldest first.
    private readonly ConcurrentQueue<string> _evictable = new();

    /// <summary>Records that the value of <paramref name="key"/> was kept and may be dropped, oldest first, to make room.</summary>
    internal void KeptEvictable(string key) => _evictable.Enqueue(key);

    /// <summary>Drops the oldest droppable value (readers holding it keep using it); false when there is none.</summary>
    internal bool DropOldestEvictable()
    {
        while (_evictable.TryDequeue(out var key))
        {
            if (Derived.TryRemove(key, out _))
            {
                _patchable.TryRemove(key, out _);
                return true;
            }
        }

        return false;
    }

    private int _patched;
    private int _rebuilt;

    /// <summary>How many values were taken over from the previous snapshots (patched, or the same when nothing they read changed).</summary>
    internal int Patched => _patched;

    /// <summary>How many values the previous snapshots had that were rebuilt instead (too much changed).</summary>
    internal int Rebuilt => _rebuilt;

    // Takes over the predecessor's patchable values: those it derived (changed since by this step) and those it inherited and
    // never used (changed since by its steps and this one).
    private void Inherit(CatalogSnapshot previous, SnapshotChanges changes)
    {
        foreach (var key in previous._patchable.Keys)
        {
            if (_inherited.Count < MaxInherited && previous.Derived.TryGetValue(key, out var value))
                _inherited[key] = (value, changes);
        }

        var merged = new Dictionary<SnapshotChanges, SnapshotChanges>(ReferenceEqualityComparer.Instance);
        foreach (var (key, (value, earlier)) in previous._inherited)
        {
            if (_inherited.Count >= MaxInherited)
                break;
            if (!merged.TryGetValue(earlier, out var since))
                merged[earlier] = since = earlier.Then(changes);
            _inherited.TryAdd(key, (value, since));
        }
    }

    internal NodeTable Table(NodeKind kind) => _tables[kind.Label];

    internal Adjacency Relation(RelationKind kind) => _relations[kind.Id];

    /// <summary>The number of live nodes of a kind.</summary>
    public int Count(NodeKind kind) => _tables[kind.Label].LiveCount;

    /// <summary>The number of live relationships of a kind.</summary>
    public int Count(RelationKind kind) => _relations[kind.Id].Count;

    /// <summary>Reads the nodes and relationships of a scope of a store into a snapshot: the part of the catalogue an import
    /// checks its rows against, without loading the rest.</summary>
    public static async Task<CatalogSnapshot> ReadAsync(IGraphStore store, ReadScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scope);
        var builder = new SnapshotBuilder(CreateEmpty());
        var sequence = await store.ReadAllAsync(builder, scope, cancellationToken).ConfigureAwait(false);
        return builder.Build(sequence);
    }

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
        return new CatalogSnapshot(Sequence, tables, _relations) { Root = Root };
    }

    /// <summary>The live nodes of a kind, in the order they entered the catalogue.</summary>
    public IEnumerable<GraphNode> Nodes(NodeKind kind)
    {
        var table = _tables[kind.Label];
        for (var ordinal = 0; ordinal < table.Count; ordinal++)
        {
            if (table.IsLive(ordinal))
                yield return new GraphNode(this, table, ordinal);
        }
    }

    /// <summary>The live nodes of a kind in a set (a filter's or a cohort's), in the order they entered the catalogue.</summary>
    internal IEnumerable<GraphNode> Nodes(NodeKind kind, Querying.Bitset set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var table = _tables[kind.Label];
        return set.Ordinals().Where(table.IsLive).Select(o => new GraphNode(this, table, o));
    }

    /// <summary>The live nodes a relationship field leads to from a node, in the order they entered the catalogue, without repeats.</summary>
    public IReadOnlyList<GraphNode> Related(GraphNode node, RelationField field)
    {
        ArgumentNullException.ThrowIfNull(node);
        var table = _tables[field.Target.Label];
        return Array.ConvertAll(Querying.Traversal.Related(this, field, node.Ordinal), o => new GraphNode(this, table, o));
    }

    /// <summary>How many live nodes a relationship field leads to from a node (without making them).</summary>
    public int RelatedCount(GraphNode node, RelationField field)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Querying.Traversal.Related(this, field, node.Ordinal).Length;
    }

    /// <summary>The first of <see cref="Related(GraphNode, RelationField)"/>, or null (for fields that lead to one node).</summary>
    public GraphNode? FirstRelated(GraphNode node, RelationField field)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Querying.Traversal.Related(this, field, node.Ordinal) is [var first, ..] ? new GraphNode(this, _tables[field.Target.Label], first) : null;
    }

    /// <summary>The nodes a relationship field leads to from a node, as a set over the target kind (for cohort arithmetic).</summary>
    internal Querying.Bitset RelatedSet(GraphNode node, RelationField field)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Querying.Bitset.Of(_tables[field.Target.Label].Count, Querying.Traversal.Related(this, field, node.Ordinal));
    }

    /// <summary>A value computed from this snapshot once and shared by every reader of it (a rendered document, say).</summary>
    /// <param name="key">Names the value; callers choose keys that cannot collide with the catalogue's own ("dcat-catalog:…").</param>
    public T Memo<T>(string key, Func<T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        return (T)Derived.GetOrAdd(key, _ => create());
    }

    /// <summary>Gets a live node by ordinal, or null.</summary>
    internal GraphNode? At(NodeKind kind, int ordinal)
    {
        var table = _tables[kind.Label];
        return table.IsLive(ordinal) ? new GraphNode(this, table, ordinal) : null;
    }
}
