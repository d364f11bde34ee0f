namespace Graph.Domain;

/// <summary>What a concept mapping (MAPS_TO) says besides its two concepts: its SKOS predicate and its provenance.</summary>
public static class MappingProperties
{
    /// <summary>The SKOS predicates a mapping may have, without prefix.</summary>
    public static readonly IReadOnlyList<string> Predicates = ["exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"];

    /// <summary>The properties of a MAPS_TO relationship.</summary>
    public static readonly IReadOnlyList<FieldDef> All =
    [
        new("predicate", ValueKind.String, "SKOS predicate: exactMatch, closeMatch, broadMatch, narrowMatch or relatedMatch.")
        {
            AllowedValues = Predicates, Required = true,
        },
        new("justification", ValueKind.String, "How the mapping was made (SEMAPV term).") { MaxLength = 200 },
        new("confidence", ValueKind.Float, "Confidence between 0 and 1.") { Min = 0, Max = 1 },
        new("author", ValueKind.String, "Who made the mapping.") { MaxLength = 200 },
        new("date", ValueKind.String, "When the mapping was made (ISO 8601).") { MaxLength = 40 },
        new("writtenBy", ValueKind.String, "The caller that wrote the mapping through the API (key:ID for an API key, a token's subject); none for the seed and the graph command.")
        {
            MaxLength = 200,
        },
    ];
}
