namespace Graph.Catalog.Querying;

/// <summary>A MAPS_TO relationship between two concepts with its provenance.</summary>
/// <param name="Subject">The concept the mapping starts from.</param>
/// <param name="Object">The concept it maps to.</param>
/// <param name="Predicate">The SKOS predicate: exactMatch, closeMatch, broadMatch, narrowMatch or relatedMatch.</param>
/// <param name="Justification">How the mapping was made (a SEMAPV term such as semapv:ManualMappingCuration).</param>
/// <param name="Confidence">Confidence between 0 and 1.</param>
/// <param name="Author">Who made the mapping.</param>
/// <param name="Date">When it was made (ISO 8601).</param>
public sealed record ConceptMapping(GraphNode Subject, GraphNode Object, string Predicate, string? Justification, double? Confidence, string? Author, string? Date)
{
    /// <summary>The caller that wrote it through the API (key:ID, a token's subject), which alone of the partners may change it; null
    /// for the seed and the graph command.</summary>
    public string? WrittenBy { get; init; }
}
