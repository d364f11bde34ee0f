using System.Numerics;
using Graph.Catalog.Storage;
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
            var live = sourceTable.SharedLiveSet();
            foreach (var node in current)
            {
                foreach (var source in adjacency.Neighbours(node, !step.Forward))
                {
                    if (live[source])
                        next.Add(source);
                }
            }

            current = next;
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
            var live = targetTable.SharedLiveSet();
            foreach (var node in current)
            {
                foreach (var target in adjacency.Neighbours(node, step.Forward))
                {
                    if (live[target])
                        next.Add(target);
                }
            }

            current = next;
        }

        return current;
    }

    /// <summary>The live nodes a single relationship field (at most one target per node) reaches from a set, by the snapshot's map.</summary>
    public static Bitset SingleTargets(CatalogSnapshot snapshot, RelationField field, Bitset nodes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(field);
        var collect = new CollectTargets(new Bitset(snapshot.Table(field.Target).Count));
        ChunkWalk.Each(nodes, FieldPath.SingleMap(snapshot, field.Owner, [field]), ref collect);
        return collect.Targets;
    }

    /// <summary>The nodes of a set whose one related node by <paramref name="map"/> (a single relationship's) is in <paramref name="targets"/>.</summary>
    public static Bitset WithTargetIn(Bitset nodes, ChunkedArray<int> map, Bitset targets)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(targets);
        var result = new Bitset(nodes.Length);
        var words = nodes.Words;
        var kept = result.Words;
        var wanted = targets.Words;
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w];
            var first = w << 6;
            var end = map.Length - first;
            if (end <= 0)
                break; // Nodes past the map's end have no related node.
            if (end < 64)
                word &= (1UL << end) - 1;
            if (word == 0)
                continue;

            // A word's 64 nodes lie in one chunk of the map; the result word is built in a register. Whether a target is wanted
            // is a shift, not a branch: which ones are is as good as random, and a mispredicted branch costs more than the load.
            var chunk = map.Chunks[first >> ChunkedArray<int>.Shift];
            var offset = first & ChunkedArray<int>.Mask;
            var keep = 0UL;
            for (; word != 0; word &= word - 1)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                var target = (uint)chunk[offset + bit];
                var index = (int)(target >> 6);
                if (index < wanted.Length) // Also false for a node without a related one (-1).
                    keep |= ((wanted[index] >> (int)(target & 63)) & 1) << bit;
            }

            kept[w] = keep;
        }

        return result;
    }

    private readonly struct CollectTargets(Bitset targets) : ChunkWalk.IVisitor<int>
    {
        public Bitset Targets { get; } = targets;

        public void Entry(int node, int value)
        {
            if (value >= 0)
                Targets.Add(value);
        }

        public void PastEnd(int node)
        {
        }
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
