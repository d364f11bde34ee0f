using System.Collections.Concurrent;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>Expands a concept into the set of concepts a search for it matches, following BROADER links and mappings; cached per snapshot.</summary>
/// <remarks>
/// Always included: the concept itself and every concept linked to it by <c>exactMatch</c> mappings (either direction),
/// transitively. With narrower concepts: also concepts with a BROADER link to a member, and the objects of a member's
/// <c>narrowMatch</c> mappings and the subjects of <c>broadMatch</c> mappings to a member, transitively, each again with
/// its exact matches. <c>closeMatch</c> and <c>relatedMatch</c> are never followed: they are not transitive. A caller's mapping
/// from its own concept is followed out of that concept only from a search that starts at one of its concepts
/// (<see cref="ConceptLinks"/>).
/// A curie the catalogue does not hold expands to itself, so a plain code still matches field values.
/// </remarks>
internal static class ConceptExpansion
{
    private const int CacheLimit = 1024;

    /// <summary>The curies a search for a concept matches.</summary>
    public static IReadOnlySet<string> Expand(CatalogSnapshot snapshot, string curie, bool includeNarrower)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(curie);
        // One entry in the snapshot's shared cache, so expansions never crowd out the clause cache.
        // Shared with the next snapshots while concepts and their links stay as they are.
        var cache = snapshot.Derive(
            "concept-expansions",
            () => new ConcurrentDictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal),
            (earlier, changes) => ChangedNodes.ConceptGraph(changes) ? null : earlier);
        var key = (includeNarrower ? "n:" : "e:") + curie;
        if (cache.TryGetValue(key, out var cached))
            return cached;
        var result = Compute(snapshot, curie, includeNarrower);
        if (cache.Count < CacheLimit)
            cache.TryAdd(key, result);
        return result;
    }

    private static HashSet<string> Compute(CatalogSnapshot snapshot, string curie, bool includeNarrower)
    {
        var table = snapshot.Table(GraphModel.Concept);
        var start = table.Find(curie);
        if (start < 0)
            return new HashSet<string>(StringComparer.Ordinal) { curie };
        var graph = ConceptLinks.Of(snapshot);
        var seen = new HashSet<int> { start };
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in graph.Exact(node, start))
                Visit(next);
            if (!includeNarrower)
                continue;
            foreach (var next in graph.Narrower(node, start))
                Visit(next);
        }

        return seen.Select(table.Key).ToHashSet(StringComparer.Ordinal);

        void Visit(int next)
        {
            if (table.IsLive(next) && seen.Add(next))
                queue.Enqueue(next);
        }
    }
}
