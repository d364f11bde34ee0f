namespace Graph.Ingest.Vocabulary;

/// <summary>One concept of the seed vocabulary, with the nodes coded as it and where its code was looked up.</summary>
/// <param name="Curie">Prefix and code (NCIT:C3058).</param>
/// <param name="System">The code system's name.</param>
/// <param name="Code">The code within its system.</param>
/// <param name="Label">The preferred label.</param>
/// <param name="Synonyms">Other labels.</param>
/// <param name="Broader">The curie of the broader concept, if any.</param>
/// <param name="CodedBy">Nodes CODED_AS this concept, as (label, key).</param>
/// <param name="Source">Where the code was confirmed.</param>
public sealed record SeedConcept(string Curie, string System, string Code, string Label, IReadOnlyList<string> Synonyms, string? Broader, IReadOnlyList<(string Label, string Key)> CodedBy, string Source);
