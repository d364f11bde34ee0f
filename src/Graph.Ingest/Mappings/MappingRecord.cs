namespace Graph.Ingest.Mappings;

/// <summary>One mapping between two concepts with its provenance, as an SSSOM row holds it.</summary>
/// <param name="SubjectId">The CURIE of the concept the mapping starts from.</param>
/// <param name="SubjectLabel">Its label, if given.</param>
/// <param name="Predicate">The SKOS predicate without prefix: exactMatch, closeMatch, broadMatch, narrowMatch or relatedMatch.</param>
/// <param name="ObjectId">The CURIE of the concept it maps to.</param>
/// <param name="ObjectLabel">Its label, if given.</param>
/// <param name="Justification">The SEMAPV term that says how it was made (semapv:ManualMappingCuration).</param>
/// <param name="Confidence">Confidence between 0 and 1, if given.</param>
/// <param name="Author">Who made it: a CURIE such as orcid:0000-0002-1825-0097, or a name.</param>
/// <param name="Date">When it was made (ISO 8601 date), if given.</param>
public sealed record MappingRecord(
    string SubjectId,
    string? SubjectLabel,
    string Predicate,
    string ObjectId,
    string? ObjectLabel,
    string Justification,
    double? Confidence,
    string? Author,
    string? Date)
{
    /// <summary>The line of the SSSOM file the record came from (0 when it did not come from a file).</summary>
    public int Line { get; init; }
}
