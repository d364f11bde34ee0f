namespace Graph.Ingest.Tests.Mappings;

/// <summary>SSSOM TSV texts for the tests: a partner's mapping set with good rows and rows that break one rule each.</summary>
internal static class SssomText
{
    public const string Metadata = """
        #curie_map:
        #  NCIT: "http://purl.obolibrary.org/obo/NCIT_"
        #  PARTNER: "https://partner.example/onto/"
        #  SCTID: "http://snomed.info/id/"
        #mapping_set_id: "https://partner.example/mappings/brain.sssom.tsv"
        #license: "https://creativecommons.org/licenses/by/4.0/"
        subject_id	subject_label	predicate_id	object_id	object_label	mapping_justification	confidence	author_id	mapping_date
        """;

    public const string Good = """
        PARTNER:G1	Glioma (partner)	skos:exactMatch	NCIT:C3059	Glioma	semapv:ManualMappingCuration	0.95	orcid:0000-0002-1825-0097	2024-05-31
        PARTNER:G2	Glioblastoma (partner)	skos:narrowMatch	NCIT:C3058	Glioblastoma	semapv:LexicalMatching	0.8		2024-06-01
        """;

    /// <summary>Lines 10 to 16 of <see cref="Metadata"/> + <see cref="Good"/> + this: one reason each.</summary>
    public const string Bad = """
        OTHER:1	x	skos:exactMatch	NCIT:C3059	Glioma	semapv:ManualMappingCuration	0.9		2024-05-31
        PARTNER:G3	x	owl:equivalentClass	NCIT:C3059	Glioma	semapv:ManualMappingCuration	0.9		2024-05-31
        PARTNER:G4	x	skos:exactMatch	NCIT:C3059	Glioma	manual	0.9		2024-05-31
        PARTNER:G5	x	skos:exactMatch	NCIT:C3059	Glioma	semapv:ManualMappingCuration	1.5		2024-05-31
        PARTNER:G6	x	skos:exactMatch	NCIT:C3059	Glioma	semapv:ManualMappingCuration	0.9		31/05/2024
        PARTNER:G1	Glioma (partner)	skos:exactMatch	NCIT:C3059	Glioma	semapv:ManualMappingCuration	0.95		2024-05-31
        PARTNER:G7	x	skos:exactMatch	NCIT:C3059
        """;

    public static string Of(params string[] parts) => string.Join('\n', parts) + "\n";
}
