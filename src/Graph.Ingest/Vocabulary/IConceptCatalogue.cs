namespace Graph.Ingest.Vocabulary;

/// <summary>The concepts a vocabulary import checks against: the store's for the command line, the live snapshot's for the API.</summary>
public interface IConceptCatalogue
{
    /// <summary>The live concept with this curie, or null.</summary>
    StoredConcept? Find(string curie);
}
