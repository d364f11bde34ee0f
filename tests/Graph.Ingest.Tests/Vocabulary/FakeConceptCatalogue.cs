using Graph.Ingest.Vocabulary;

namespace Graph.Ingest.Tests.Vocabulary;

/// <summary>A catalogue of concepts held in memory.</summary>
internal sealed class FakeConceptCatalogue(params StoredConcept[] concepts) : IConceptCatalogue
{
    private readonly Dictionary<string, StoredConcept> _concepts = concepts.ToDictionary(c => c.Curie, StringComparer.Ordinal);

    public StoredConcept? Find(string curie) => _concepts.GetValueOrDefault(curie);

    public static StoredConcept Concept(string curie, params string[] broader) => new(curie, "Test", curie, [], null, broader);
}
