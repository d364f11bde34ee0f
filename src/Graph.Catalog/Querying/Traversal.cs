using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>Walks relationship fields: the related nodes of one node, and the nodes related to a set.</summary>
internal static class Traversal
{
    /// <summary>The live nodes a field leads to from one node, ascending by ordinal, without repeats.</summary>
    public static int[] Related(CatalogSnapshot snapshot, RelationField field, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(field);
        var step = field.Steps[0];
        var current = Live(snapshot, step.Target, snapshot.Relation(step.Relation).Neighbours(ordinal, step.Forward));
        for (var i = 1; i < field.Steps.Count && current.Length > 0; i++)
        {
            step = field.Steps[i];
            var adjacency = snapshot.Relation(step.Relation);
            if (current.Length == 1)
            {
                current = Live(snapshot, step.Target, adjacency.Neighbours(current[0], step.Forward));
                continue;
            }

            var next = new List<int>();
            foreach (var node in current)
                next.AddRange(adjacency.Neighbours(node, step.Forward));
            var array = next.ToArray();
            Array.Sort(array);
            current = Live(snapshot, step.Target, Distinct(array));
        }

        return current;
    }

    /// <summary>The live nodes of the field's owner kind from which the field reaches at least one node of <paramref name="targets"/>.</summary>
    public static Bitset ReachingAny(CatalogSnapshot snapshot, RelationField field, Bitset targets)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(field);
        var current = targets;
        for (var i = field.Steps.Count - 1; i >= 0; i--)
        {
            var step = field.Steps[i];
            var adjacency = snapshot.Relation(step.Relation);
            var sourceTable = snapshot.Table(step.Source);
            var next = new Bitset(sourceTable.Count);
            foreach (var node in current)
            {
                foreach (var source in adjacency.Neighbours(node, !step.Forward))
                {
                    if ((uint)source < (uint)next.Length)
                        next.Add(source);
                }
            }

            current = next.And(sourceTable.SharedLiveSet());
        }

        return current;
    }

    /// <summary>The live nodes a field reaches from any node of <paramref name="sources"/>.</summary>
    public static Bitset ReachedFrom(CatalogSnapshot snapshot, RelationField field, Bitset sources)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(field);
        var current = sources;
        foreach (var step in field.Steps)
        {
            var adjacency = snapshot.Relation(step.Relation);
            var targetTable = snapshot.Table(step.Target);
            var next = new Bitset(targetTable.Count);
            foreach (var node in current)
            {
                foreach (var target in adjacency.Neighbours(node, step.Forward))
                {
                    if ((uint)target < (uint)next.Length)
                        next.Add(target);
                }
            }

            current = next.And(targetTable.SharedLiveSet());
        }

        return current;
    }

    private static int[] Live(CatalogSnapshot snapshot, NodeKind kind, int[] ordinals)
    {
        var table = snapshot.Table(kind);
        foreach (var ordinal in ordinals)
        {
            if (!table.IsLive(ordinal))
                return Array.FindAll(ordinals, table.IsLive);
        }

        return ordinals;
    }

    private static int[] Distinct(int[] sorted)
    {
        var length = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (length == 0 || sorted[length - 1] != sorted[i])
                sorted[length++] = sorted[i];
        }

        return length == sorted.Length ? sorted : sorted[..length];
    }
}
