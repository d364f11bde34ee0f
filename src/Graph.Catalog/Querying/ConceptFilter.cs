namespace Graph.Catalog.Querying;

/// <summary>A coded field (or a concept's own curie) matches a concept or, expanded, the concepts equivalent to or narrower than it.</summary>
/// <param name="Field">A field with a code system (modality, icd10, ...), or <c>curie</c> on Concept nodes.</param>
/// <param name="Curie">The concept, in any linked system (NCIT:C3059, ICD10:C50, a partner's code).</param>
/// <param name="IncludeNarrower">Also match narrower concepts: BROADER links, narrowMatch and broadMatch mappings, transitively.</param>
public sealed record ConceptFilter(string Field, string Curie, bool IncludeNarrower) : Filter;
