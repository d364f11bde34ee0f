using Graph.Catalog;
using Graph.Domain;
using Graph.Ingest.Vocabulary;

namespace Graph.Api.Schema;

/// <summary>The concepts and BROADER links of a catalogue snapshot, for importVocabulary.</summary>
internal sealed class VocabularySnapshotCatalogue(CatalogSnapshot snapshot) : IConceptCatalogue
{
    private static readonly RelationField Broader = RelationField.Find(GraphModel.Concept, "broader")!;

    public StoredConcept? Find(string curie)
    {
        if (snapshot.Find(GraphModel.Concept, curie) is not { } node)
            return null;
        var broader = snapshot.Related(node, Broader).Select(c => c.Key).ToArray();
        return new StoredConcept(curie, node["system"] as string, node["label"] as string, node["synonyms"] as string[] ?? [], node["iri"] as string, broader);
    }
}
