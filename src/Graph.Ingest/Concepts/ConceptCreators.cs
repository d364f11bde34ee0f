using Graph.Catalog;
using Graph.Domain;
using Graph.Ingest.Mappings;

namespace Graph.Ingest.Concepts;

/// <summary>Who created the catalogue's concepts (their <c>writtenBy</c>), as the partner rules of <see cref="ConceptPermissions"/> look
/// them up in one snapshot.</summary>
/// <remarks>Concepts of the seed and of the graph command, and those created before creators were recorded, have none: no partner
/// owns them.</remarks>
/// <param name="snapshot">The snapshot the change is checked against.</param>
public sealed class ConceptCreators(CatalogSnapshot snapshot)
{
    private const string Nobody = "";

    // Per prefix, ignoring case: each creator (Nobody for none) with the first of its concepts, built on the first creation checked.
    private readonly Lazy<Dictionary<string, Dictionary<string, string>>> _byPrefix = new(() =>
    {
        var byPrefix = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var concept in snapshot.Nodes(GraphModel.Concept))
        {
            if (!ConceptSystems.TrySplit(concept.Key, out var prefix, out _))
                continue;
            if (!byPrefix.TryGetValue(prefix, out var creators))
                byPrefix[prefix] = creators = new Dictionary<string, string>(StringComparer.Ordinal);
            creators.TryAdd(concept["writtenBy"] as string ?? Nobody, concept.Key);
        }

        return byPrefix;
    });

    /// <summary>Whether the catalogue holds the concept.</summary>
    public bool Holds(string curie) => snapshot.Find(GraphModel.Concept, curie) is not null;

    /// <summary>Whether <paramref name="editorId"/> created the concept the catalogue holds (never for a concept without a creator or a null id).</summary>
    public bool CreatedBy(string curie, string? editorId) =>
        editorId is not null && snapshot.Find(GraphModel.Concept, curie)?["writtenBy"] as string == editorId;

    /// <summary>A concept of the CURIE's prefix (ignoring case) that someone other than <paramref name="editorId"/> created, or
    /// without a creator; null when every concept of the prefix is the editor's.</summary>
    public string? OtherCreatorsConcept(string curie, string? editorId)
    {
        if (!ConceptSystems.TrySplit(curie, out var prefix, out _) || !_byPrefix.Value.TryGetValue(prefix, out var creators))
            return null;
        return creators.Where(c => editorId is null || c.Key != editorId).Select(c => c.Value).Order(StringComparer.Ordinal).FirstOrDefault();
    }
}
