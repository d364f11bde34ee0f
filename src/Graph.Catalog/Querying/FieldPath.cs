using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>A field of a node kind or of nodes related to it: relationship fields, then a value field (series.modality).</summary>
internal sealed class FieldPath
{
    private static readonly HashSet<string> KeyFacetKinds = ["Repository", "Dataset", "CancerType", "Concept", "Algorithm", "Cohort"];

    private FieldPath(string text, NodeKind owner, IReadOnlyList<RelationField> relations, NodeKind target, string field, FieldDef? definition)
    {
        Text = text;
        Owner = owner;
        Relations = relations;
        Target = target;
        Field = field;
        Definition = definition;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The kind the path starts from.</summary>
    public NodeKind Owner { get; }

    /// <summary>The relationship fields walked before the value field.</summary>
    public IReadOnlyList<RelationField> Relations { get; }

    /// <summary>The kind that holds the value field.</summary>
    public NodeKind Target { get; }

    /// <summary>The value field (or the target's key field).</summary>
    public string Field { get; }

    /// <summary>The value field's definition; null for a key field.</summary>
    public FieldDef? Definition { get; }

    /// <summary>Whether each node reaches at most one value (no relationship with many ends on the way).</summary>
    public bool IsSingleValued => Relations.All(r => r.Single) && Definition?.Type != ValueKind.StringList;

    /// <summary>Whether the value field is numeric.</summary>
    public bool IsNumeric => Definition?.IsNumeric == true;

    /// <summary>Resolves a path such as <c>modality</c>, <c>patient.sex</c> or <c>series.modality</c>.</summary>
    /// <exception cref="CatalogQueryException">The path names no field; the message lists the valid ones.</exception>
    public static FieldPath Resolve(NodeKind owner, string text, bool facetsOnly)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('.');
        var relations = new List<RelationField>();
        var kind = owner;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var relation = RelationField.Find(kind, parts[i])
                ?? throw new CatalogQueryException($"'{text}': {kind.Label} has no relationship field '{parts[i]}'. Valid fields of {owner.Label}: {string.Join(", ", Valid(owner, facetsOnly))}.");
            relations.Add(relation);
            kind = relation.Target;
        }

        var name = parts[^1];
        if (name == kind.KeyField && (relations.Count > 0 || !facetsOnly) && (KeyFacetKinds.Contains(kind.Label) || !facetsOnly))
            return new FieldPath(text, owner, relations, kind, name, null);
        var definition = kind.Field(name);
        if (definition is null || definition.Internal || (facetsOnly && !definition.IsFacet))
            throw new CatalogQueryException($"'{text}' is not a {(facetsOnly ? "facet " : "")}field of {owner.Label}. Valid fields: {string.Join(", ", Valid(owner, facetsOnly))}.");
        return new FieldPath(text, owner, relations, kind, name, definition);
    }

    /// <summary>The paths accepted on a kind: its own fields and those of kinds one relationship away.</summary>
    public static IEnumerable<string> Valid(NodeKind owner, bool facetsOnly)
    {
        ArgumentNullException.ThrowIfNull(owner);
        foreach (var field in owner.Fields.Where(f => !f.Internal && (!facetsOnly || f.IsFacet)))
            yield return field.Name;
        foreach (var relation in RelationField.Of(owner))
        {
            if (KeyFacetKinds.Contains(relation.Target.Label) || !facetsOnly)
                yield return $"{relation.Name}.{relation.Target.KeyField}";
            foreach (var field in relation.Target.Fields.Where(f => !f.Internal && (!facetsOnly || f.IsFacet)))
                yield return $"{relation.Name}.{field.Name}";
        }
    }

    /// <summary>The live target nodes a node reaches along the relationships (itself when there are none).</summary>
    internal int[] Reach(CatalogSnapshot snapshot, int ordinal)
    {
        if (Relations.Count == 0)
            return [ordinal];
        var current = Traversal.Related(snapshot, Relations[0], ordinal);
        for (var i = 1; i < Relations.Count && current.Length > 0; i++)
            current = current.SelectMany(o => Traversal.Related(snapshot, Relations[i], o)).Distinct().Order().ToArray();
        return current;
    }

    /// <summary>For every node of the owner kind, the one live target it reaches (-1 for none); built once per snapshot.</summary>
    internal ChunkedArray<int> SingleMap(CatalogSnapshot snapshot) => SingleMap(snapshot, Owner, Relations);

    /// <summary>For every node of a kind, the one live node it reaches along single relationships (-1 for none); built once per
    /// snapshot, or patched from the previous snapshot's map for the nodes a commit may have moved (sharing the chunks it did not change).</summary>
    internal static ChunkedArray<int> SingleMap(CatalogSnapshot snapshot, NodeKind owner, IReadOnlyList<RelationField> relations)
    {
        var table = snapshot.Table(owner);
        var steps = relations.SelectMany(r => r.Steps).ToArray();
        return snapshot.Derive(
            $"single:{owner.Label}:{string.Join('.', relations.Select(r => r.Name))}",
            () => Map(table, ChunkedArray<int>.Empty, Enumerable.Range(0, table.Count), CompileReachOne(snapshot, relations), -1),
            (earlier, changes) => ChangedNodes.Along(snapshot, changes, steps, new HashSet<int>()) is { } changed
                ? Map(table, earlier, changed.Concat(Enumerable.Range(earlier.Length, table.Count - earlier.Length)), CompileReachOne(snapshot, relations), -1)
                : null);
    }

    /// <summary>For every node of the owner kind, the live targets it reaches; built once per snapshot, or patched from the previous snapshot's.</summary>
    internal ChunkedArray<int[]> MultiMap(CatalogSnapshot snapshot)
    {
        var table = snapshot.Table(Owner);
        var steps = Relations.SelectMany(r => r.Steps).ToArray();
        return snapshot.Derive(
            "multi:" + RelationKey,
            () => Map(table, ChunkedArray<int[]>.Empty, Enumerable.Range(0, table.Count), node => Reach(snapshot, node), []),
            (earlier, changes) => ChangedNodes.Along(snapshot, changes, steps, new HashSet<int>()) is { } changed
                ? Map(table, earlier, changed.Concat(Enumerable.Range(earlier.Length, table.Count - earlier.Length)), node => Reach(snapshot, node), [])
                : null);
    }

    // A map with the entries of some nodes set: what a live node reaches, the missing value for the others; other entries are shared.
    private static ChunkedArray<T> Map<T>(NodeTable table, ChunkedArray<T> earlier, IEnumerable<int> nodes, Func<int, T> reach, T none)
    {
        var map = new ChunkedArrayBuilder<T>(earlier, none);
        foreach (var node in nodes)
            map.Set(node, table.IsLive(node) ? reach(node) : none);
        return map.Build();
    }

    private string RelationKey => Owner.Label + ":" + string.Join('.', Relations.Select(r => r.Name));

    /// <summary>Makes a function giving the one live target a node reaches along single relationships, or -1.</summary>
    internal Func<int, int> CompileReachOne(CatalogSnapshot snapshot) => CompileReachOne(snapshot, Relations);

    private static Func<int, int> CompileReachOne(CatalogSnapshot snapshot, IReadOnlyList<RelationField> relations)
    {
        var steps = relations.SelectMany(r => r.Steps).Select(step => (Adjacency: snapshot.Relation(step.Relation), step.Forward, Table: snapshot.Table(step.Target))).ToArray();
        if (steps.Length == 0)
            return ordinal => ordinal;
        return ordinal =>
        {
            var current = ordinal;
            foreach (var (adjacency, forward, table) in steps)
            {
                var next = -1;
                foreach (var candidate in adjacency.Neighbours(current, forward))
                {
                    if (table.IsLive(candidate))
                    {
                        next = candidate;
                        break;
                    }
                }

                if (next < 0)
                    return -1;
                current = next;
            }

            return current;
        };
    }

    /// <summary>The nodes of the owner kind that reach at least one node of <paramref name="targets"/> along the path.</summary>
    internal Bitset Reaching(CatalogSnapshot snapshot, Bitset targets)
    {
        var current = targets;
        for (var i = Relations.Count - 1; i >= 0; i--)
            current = Traversal.ReachingAny(snapshot, Relations[i], current);
        return current;
    }

    internal NodeTable TargetTable(CatalogSnapshot snapshot) => snapshot.Table(Target);

    /// <inheritdoc />
    public override string ToString() => Text;
}
