using Graph.Catalog;
using Graph.Domain;
using Graph.Ingest.Vocabulary;

namespace Graph.Api.Schema;

/// <summary>The concepts and BROADER links of a catalogue snapshot, for importVocabulary.</summary>
internal sealed class VocabularySnapshotCatalogue(CatalogSnapshot snapshot) : IConceptCatalogue
{
    private static readonly RelationKind Broader = GraphModel.Relation("BROADER", "Concept", "Concept")!;

    public StoredConcept? Find(string curie)
    {
        if (snapshot.Find(GraphModel.Concept, curie) is not { } node)
            return null;
        var broader = snapshot.Relation(Broader).Neighbours(node.Ordinal, forward: true)
            .Select(o => snapshot.At(GraphModel.Concept, o)?.Key)
            .OfType<string>()
            .ToArray();
        return new StoredConcept(curie, node["system"] as string, node["label"] as string, node["synonyms"] as string[] ?? [], node["iri"] as string, broader);
    }
}
