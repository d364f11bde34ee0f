using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>Reads the concept mappings of a snapshot with their provenance.</summary>
public static class ConceptGraph
{
    private static readonly RelationKind MapsTo = GraphModel.Relation("MAPS_TO", "Concept", "Concept")!;

    /// <summary>Every live mapping, ordered by subject then object curie.</summary>
    public static IReadOnlyList<ConceptMapping> Mappings(CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var table = snapshot.Table(GraphModel.Concept);
        var result = new List<ConceptMapping>();
        for (var node = 0; node < table.Count; node++)
        {
            if (table.IsLive(node))
                result.AddRange(Outgoing(snapshot, node));
        }

        return result.OrderBy(m => m.Subject.Key, StringComparer.Ordinal).ThenBy(m => m.Object.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The mappings of one concept, those it starts and those that end at it.</summary>
    public static IReadOnlyList<ConceptMapping> MappingsOf(GraphNode concept)
    {
        ArgumentNullException.ThrowIfNull(concept);
        var snapshot = concept.Snapshot;
        var maps = snapshot.Relation(MapsTo);
        var incoming = maps.Neighbours(concept.Ordinal, forward: false)
            .Where(snapshot.Table(GraphModel.Concept).IsLive)
            .Select(from => Mapping(snapshot, from, concept.Ordinal));
        return Outgoing(snapshot, concept.Ordinal).Concat(incoming).ToList();
    }

    private static IEnumerable<ConceptMapping> Outgoing(CatalogSnapshot snapshot, int node)
    {
        var table = snapshot.Table(GraphModel.Concept);
        foreach (var target in snapshot.Relation(MapsTo).Neighbours(node, forward: true))
        {
            if (table.IsLive(target))
                yield return Mapping(snapshot, node, target);
        }
    }

    private static ConceptMapping Mapping(CatalogSnapshot snapshot, int from, int to)
    {
        var properties = ConceptLinks.Properties(snapshot.Relation(MapsTo), from, to);
        return new ConceptMapping(
            snapshot.At(GraphModel.Concept, from)!,
            snapshot.At(GraphModel.Concept, to)!,
            properties?.GetValueOrDefault("predicate") as string ?? "relatedMatch",
            properties?.GetValueOrDefault("justification") as string,
            properties?.GetValueOrDefault("confidence") is double confidence ? confidence : null,
            properties?.GetValueOrDefault("author") as string,
            properties?.GetValueOrDefault("date") as string)
        {
            WrittenBy = properties?.GetValueOrDefault("writtenBy") as string,
        };
    }
}
