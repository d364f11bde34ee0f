namespace Graph.Ingest.Mappings;

/// <summary>What an export needs of a concept: its CURIE, label and IRI.</summary>
public sealed record MappedConcept(string Curie, string? Label, string? Iri);
