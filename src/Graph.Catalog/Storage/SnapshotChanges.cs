using Graph.Domain;

namespace Graph.Catalog.Storage;

/// <summary>What changed between two snapshots of a lineage: the node ordinals of each kind that were written or deleted, and
/// the ordinals whose relationship lists changed, per relationship kind and side. A kind or side that changed too much to list is "all".</summary>
/// <remarks>Derived values (path maps, clause results, value ids) are patched by these ordinals instead of being rebuilt.</remarks>
internal sealed class SnapshotChanges
{
    /// <summary>Past this many ordinals a kind or side counts as wholly changed: patching would cost as much as rebuilding.</summary>
    public const int MaxListed = 50_000;

    // Absent: unchanged; null: everything may have changed; else the changed ordinals.
    private readonly Dictionary<string, HashSet<int>?> _nodes;
    private readonly Dictionary<(string Relation, bool Forward), HashSet<int>?> _sides;

    private SnapshotChanges(Dictionary<string, HashSet<int>?> nodes, Dictionary<(string, bool), HashSet<int>?> sides)
    {
        _nodes = nodes;
        _sides = sides;
    }

    /// <summary>No change.</summary>
    public static SnapshotChanges None { get; } = new([], []);

    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty => _nodes.Count == 0 && _sides.Count == 0;

    /// <summary>Whether any node of a kind changed (written or deleted).</summary>
    public bool Touches(NodeKind kind) => _nodes.ContainsKey(kind.Label);

    /// <summary>Whether any relationship of a kind changed.</summary>
    public bool Touches(RelationKind kind) => _sides.ContainsKey((kind.Id, true)) || _sides.ContainsKey((kind.Id, false));

    /// <summary>Whether every ordinal of a kind must be taken as changed.</summary>
    public bool All(NodeKind kind) => _nodes.TryGetValue(kind.Label, out var set) && set is null;

    /// <summary>The changed ordinals of a kind (empty when none; null when all may have changed).</summary>
    public IReadOnlySet<int>? Nodes(NodeKind kind) => _nodes.TryGetValue(kind.Label, out var set) ? set : Empty;

    /// <summary>The nodes whose neighbour list walking a relationship kind in one direction changed (starts when forward, ends when not); null when all.</summary>
    public IReadOnlySet<int>? Side(RelationKind kind, bool forward) => _sides.TryGetValue((kind.Id, forward), out var set) ? set : Empty;

    private static readonly HashSet<int> Empty = [];

    /// <summary>The changes of this step followed by those of <paramref name="next"/>.</summary>
    public SnapshotChanges Then(SnapshotChanges next)
    {
        if (IsEmpty)
            return next;
        if (next.IsEmpty)
            return this;
        return new SnapshotChanges(Union(_nodes, next._nodes), Union(_sides, next._sides));
    }

    private static Dictionary<TKey, HashSet<int>?> Union<TKey>(Dictionary<TKey, HashSet<int>?> first, Dictionary<TKey, HashSet<int>?> second)
        where TKey : notnull
    {
        var result = new Dictionary<TKey, HashSet<int>?>(first);
        foreach (var (key, set) in second)
        {
            if (!result.TryGetValue(key, out var existing))
            {
                result[key] = set;
                continue;
            }

            if (existing is null || set is null || existing.Count + set.Count > MaxListed)
            {
                result[key] = null;
                continue;
            }

            result[key] = [.. existing, .. set];
        }

        return result;
    }

    /// <summary>Collects the changes of one step.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, HashSet<int>?> _nodes = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, bool), HashSet<int>?> _sides = [];

        public void Node(NodeKind kind, IEnumerable<int>? ordinals) => Add(_nodes, kind.Label, ordinals);

        public void Side(RelationKind kind, bool forward, IEnumerable<int>? ordinals) => Add(_sides, (kind.Id, forward), ordinals);

        public SnapshotChanges Build() => _nodes.Count == 0 && _sides.Count == 0 ? None : new(_nodes, _sides);

        private static void Add<TKey>(Dictionary<TKey, HashSet<int>?> map, TKey key, IEnumerable<int>? ordinals)
            where TKey : notnull
        {
            if (map.TryGetValue(key, out var set) && set is null)
                return;
            if (ordinals is null)
            {
                map[key] = null;
                return;
            }

            set ??= [];
            set.UnionWith(ordinals);
            if (set.Count == 0)
                return;
            map[key] = set.Count > MaxListed ? null : set;
        }
    }
}
