using Graph.Catalog;
using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Vocabulary;

/// <summary>The concepts and BROADER links a vocabulary import checks against, over a snapshot: the service's current one, or
/// the part of a store the command line reads.</summary>
/// <param name="snapshot">The snapshot to look in.</param>
public sealed class ConceptCatalogue(CatalogSnapshot snapshot) : IConceptCatalogue
{
    private static readonly RelationField Broader = RelationField.Find(GraphModel.Concept, "broader")!;

    /// <summary>The number of live concepts.</summary>
    public int Count => snapshot.Count(GraphModel.Concept);

    /// <summary>Reads every concept and BROADER link of a store.</summary>
    public static async Task<ConceptCatalogue> ReadAsync(IGraphStore store, CancellationToken cancellationToken) =>
        new(await CatalogSnapshot.ReadAsync(store, new ReadScope(["Concept"], ["BROADER"]), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public StoredConcept? Find(string curie)
    {
        if (snapshot.Find(GraphModel.Concept, curie) is not { } node)
            return null;
        var broader = node.Related(Broader).Select(c => c.Key).ToArray();
        return new StoredConcept(curie, node["system"] as string, node["label"] as string, node["synonyms"] as string[] ?? [], node["iri"] as string, broader);
    }
}
