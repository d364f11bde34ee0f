namespace Graph.Ingest.Mappings;

/// <summary>What an import of mappings did: how many it applied, the concepts it created, and the mappings it rejected.</summary>
/// <param name="MappingSetId">The mapping set's id ("" for single mappings).</param>
/// <param name="Applied">Mappings written (0 when rejections stopped a whole-file import).</param>
/// <param name="ConceptsCreated">Concepts the catalogue did not hold, created from the mappings' CURIEs and labels.</param>
/// <param name="Rejections">Mappings not applied, with line and reason.</param>
public sealed record MappingImportResult(string MappingSetId, int Applied, int ConceptsCreated, IReadOnlyList<MappingRejection> Rejections);
