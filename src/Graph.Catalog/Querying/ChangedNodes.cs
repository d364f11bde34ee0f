using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>Which nodes a value derived from an earlier snapshot may be wrong for, given what changed since: the nodes to
/// recompute when patching it. Null stands for "too many to list": the value is rebuilt.</summary>
internal static class ChangedNodes
{
    private static readonly RelationKind Broader = GraphModel.Relation("BROADER", "Concept", "Concept")!;
    private static readonly RelationKind MapsTo = GraphModel.Relation("MAPS_TO", "Concept", "Concept")!;

    /// <summary>Whether concepts or the links between them changed (what concept expansions and <see cref="ConceptLinks"/> read).</summary>
    public static bool ConceptGraph(SnapshotChanges changes) =>
        changes.Touches(GraphModel.Concept) || changes.Touches(Broader) || changes.Touches(MapsTo);

    /// <summary>The nodes of a kind that were written or deleted, and every ordinal given since <paramref name="known"/>.</summary>
    public static HashSet<int>? Own(CatalogSnapshot snapshot, SnapshotChanges changes, NodeKind kind, int known)
    {
        if (changes.Nodes(kind) is not { } written)
            return null;
        var result = new HashSet<int>(written);
        for (var ordinal = known; ordinal < snapshot.Table(kind).Count; ordinal++)
            result.Add(ordinal);
        return result;
    }

    /// <summary>The nodes of the first step's start kind whose walk along <paramref name="steps"/> may now end elsewhere, or at
    /// nodes in <paramref name="atEnd"/> (besides those written or deleted, which are always included).</summary>
    /// <remarks>A node's walk changes only when its own neighbour list changed, a node on its way was written or deleted, or it
    /// passes through a node whose walk changed: walking the changed nodes back level by level (through this snapshot's lists,
    /// which hold every unchanged link) finds them all.</remarks>
    public static HashSet<int>? Along(CatalogSnapshot snapshot, SnapshotChanges changes, IReadOnlyList<RelationStep> steps, IReadOnlySet<int>? atEnd)
    {
        if (steps.Count == 0 || atEnd is null || changes.Nodes(steps[^1].Target) is not { } end)
            return null;
        var dirty = new HashSet<int>(atEnd);
        dirty.UnionWith(end);
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var step = steps[i];
            if (changes.Nodes(step.Source) is not { } own || changes.Side(step.Relation, step.Forward) is not { } side)
                return null;
            var adjacency = snapshot.Relation(step.Relation);
            var next = new HashSet<int>(own);
            next.UnionWith(side);
            foreach (var node in dirty)
            {
                next.UnionWith(adjacency.Neighbours(node, !step.Forward));
                if (next.Count > SnapshotChanges.MaxListed)
                    return null;
            }

            dirty = next;
        }

        return dirty;
    }

    /// <summary>The nodes of a kind whose membership in a filter's result may have changed.</summary>
    public static HashSet<int>? OfFilter(CatalogSnapshot snapshot, SnapshotChanges changes, NodeKind kind, Filter filter)
    {
        switch (filter)
        {
            case FieldFilter:
                return changes.Nodes(kind) is { } own ? [.. own] : null;
            case ConceptFilter:
                return ConceptGraph(changes) || changes.Nodes(kind) is not { } coded ? null : [.. coded];
            case NotFilter not:
                return OfFilter(snapshot, changes, kind, not.Inner);
            case AndFilter and:
                return Union(and.Items.Select(item => OfFilter(snapshot, changes, kind, item)));
            case OrFilter or:
                return Union(or.Items.Select(item => OfFilter(snapshot, changes, kind, item)));
            case RelationFilter relation when RelationField.Find(kind, relation.Field) is { } field:
                var inner = OfFilter(snapshot, changes, field.Target, relation.Inner);
                return Union([Along(snapshot, changes, field.Steps, inner), changes.Nodes(kind) is { } written ? [.. written] : null]);
            default:
                // Named sets change with what they name; unknown fields fail again when evaluated.
                return null;
        }
    }

    private static HashSet<int>? Union(IEnumerable<HashSet<int>?> sets)
    {
        var result = new HashSet<int>();
        foreach (var set in sets)
        {
            if (set is null)
                return null;
            result.UnionWith(set);
            if (result.Count > SnapshotChanges.MaxListed)
                return null;
        }

        return result;
    }
}
