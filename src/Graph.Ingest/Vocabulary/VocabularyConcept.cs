namespace Graph.Ingest.Vocabulary;

/// <summary>One concept of a vocabulary file, as its row gives it; blank optional columns are null.</summary>
/// <param name="Line">The line of the file the row starts on.</param>
/// <param name="Curie">Prefix and code (LOCAL:GBM).</param>
/// <param name="Prefix">The CURIE's prefix.</param>
/// <param name="Code">The CURIE's local code.</param>
/// <param name="Label">The preferred label.</param>
/// <param name="System">The code system's name, or null when the row leaves it blank.</param>
/// <param name="Synonyms">Other labels, or null when the row leaves them blank.</param>
/// <param name="Broader">The curies of its broader concepts, or null when the row leaves them blank.</param>
/// <param name="Iri">The full IRI, or null when the row leaves it blank.</param>
public sealed record VocabularyConcept(
    int Line, string Curie, string Prefix, string Code, string Label, string? System, IReadOnlyList<string>? Synonyms, IReadOnlyList<string>? Broader, string? Iri);
