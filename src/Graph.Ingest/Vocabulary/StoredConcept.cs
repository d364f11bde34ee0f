namespace Graph.Ingest.Vocabulary;

/// <summary>A concept the catalogue holds, as a vocabulary import compares it with a file's row.</summary>
/// <param name="Curie">Prefix and code.</param>
/// <param name="System">The code system's name.</param>
/// <param name="Label">The preferred label, if any.</param>
/// <param name="Synonyms">Other labels (empty when none).</param>
/// <param name="Iri">The full IRI, if any.</param>
/// <param name="Broader">The curies of its broader concepts (BROADER links), in no particular order.</param>
public sealed record StoredConcept(string Curie, string? System, string? Label, IReadOnlyList<string> Synonyms, string? Iri, IReadOnlyList<string> Broader);
