namespace Graph.Ingest.Mappings;

/// <summary>A parsed SSSOM TSV file: its mapping set metadata, the rows that parsed and the rows that did not.</summary>
public sealed class SssomDocument
{
    /// <summary>The mapping set's id (mapping_set_id).</summary>
    public required string MappingSetId { get; init; }

    /// <summary>The mapping set's licence (license).</summary>
    public required string License { get; init; }

    /// <summary>Prefix to base IRI, as declared in curie_map (with the builtin skos and semapv).</summary>
    public required IReadOnlyDictionary<string, string> CurieMap { get; init; }

    /// <summary>The rows that parsed, with their line numbers.</summary>
    public required IReadOnlyList<MappingRecord> Mappings { get; init; }

    /// <summary>The rows that did not parse, with line and reason.</summary>
    public required IReadOnlyList<MappingRejection> Rejections { get; init; }
}
