using Graph.Domain;

namespace Graph.Ingest.Mappings;

/// <summary>The CURIE prefixes the catalogue knows: each with its system's name and the base IRI its codes expand to.</summary>
public static class ConceptSystems
{
    private static readonly Dictionary<string, (string Name, string Iri)> Known = new(StringComparer.Ordinal)
    {
        ["SCTID"] = ("SNOMED CT", "http://snomed.info/id/"),
        ["NCIT"] = ("NCIt", "http://purl.obolibrary.org/obo/NCIT_"),
        ["ICD10"] = ("ICD-10", "https://icd.who.int/browse10/2019/en#/"),
        ["ICDO3"] = ("ICD-O-3", "urn:cancer-imaging-graph:icd-o-3:"),
        ["DCM"] = ("DICOM", "http://dicom.nema.org/resources/ontology/DCM/"),
        ["DCMBP"] = ("DICOM Body Part", "urn:cancer-imaging-graph:dicom-body-part:"),
        ["RADLEX"] = ("RadLex", "http://radlex.org/RID/"),
        ["UBERON"] = ("UBERON", "http://purl.obolibrary.org/obo/UBERON_"),
    };

    /// <summary>Prefixes SSSOM files use for their own vocabulary, with their IRIs.</summary>
    public static readonly IReadOnlyDictionary<string, string> Builtin = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["skos"] = "http://www.w3.org/2004/02/skos/core#",
        ["semapv"] = "https://w3id.org/semapv/vocab/",
    };

    /// <summary>The prefixes whose system name and base IRI the catalogue knows.</summary>
    public static IEnumerable<string> KnownPrefixes => Known.Keys;

    /// <summary>The system name of a prefix (the prefix itself when unknown).</summary>
    public static string NameOf(string prefix) => Known.TryGetValue(prefix, out var known) ? known.Name : prefix;

    /// <summary>The base IRI of a known prefix, or null.</summary>
    public static string? IriOf(string prefix) => Known.TryGetValue(prefix, out var known) ? known.Iri : null;

    /// <summary>Splits a CURIE into prefix and local code; false when it has no prefix, no code or spaces.</summary>
    public static bool TrySplit(string? curie, out string prefix, out string code)
    {
        prefix = code = "";
        var colon = curie?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (curie is null || colon <= 0 || colon == curie.Length - 1 || curie.Any(char.IsWhiteSpace))
            return false;
        prefix = curie[..colon];
        code = curie[(colon + 1)..];
        return true;
    }

    /// <summary>Whether two CURIEs name the same concept as far as a self-reference goes: the same code under prefixes equal but for case.</summary>
    /// <remarks>Stored keys stay case-sensitive; this only keeps <c>ncit:C3058</c> from passing as a concept other than <c>NCIT:C3058</c>.</remarks>
    public static bool SameConcept(string first, string second) =>
        TrySplit(first, out var firstPrefix, out var firstCode) && TrySplit(second, out var secondPrefix, out var secondCode)
            ? firstPrefix.Equals(secondPrefix, StringComparison.OrdinalIgnoreCase) && firstCode == secondCode
            : first == second;

    /// <summary>Why a text cannot name a concept, naming the column, or null: a prefix, ':', a code of at most the Concept
    /// model's code length, no spaces, a valid key.</summary>
    public static string? CheckCurie(string column, string curie, out string prefix, out string code)
    {
        ArgumentNullException.ThrowIfNull(curie);
        if (!TrySplit(curie, out prefix, out code))
            return $"{column} '{curie}' is not a CURIE (a prefix and a code separated by ':', without spaces)";
        var maxCode = GraphModel.Concept.Field("code")!.MaxLength;
        if (curie.Length > NodeKind.MaxKeyLength || code.Length > maxCode)
            return $"{column} '{curie}' is too long (codes have at most {maxCode} characters)";
        return KeyRules.Check(GraphModel.Concept, curie) is { } keyError ? $"{column} '{curie}': {keyError}" : null;
    }
}
