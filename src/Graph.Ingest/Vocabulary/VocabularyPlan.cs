using Graph.Store;

namespace Graph.Ingest.Vocabulary;

/// <summary>The ChangeSet of a vocabulary import with what it does to the catalogue.</summary>
/// <param name="Set">Concepts to create or update, BROADER links to create and to remove.</param>
/// <param name="Created">Concepts the catalogue does not hold.</param>
/// <param name="Updated">Concepts the catalogue holds that the set changes.</param>
/// <param name="Unchanged">Concepts the catalogue holds as the set gives them.</param>
/// <param name="BroaderAdded">BROADER links the catalogue does not hold.</param>
/// <param name="BroaderRemoved">Stored BROADER links the set removes.</param>
public sealed record VocabularyPlan(ChangeSet Set, int Created, int Updated, int Unchanged, int BroaderAdded, int BroaderRemoved);
