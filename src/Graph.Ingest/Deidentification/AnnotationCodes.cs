namespace Graph.Ingest.Deidentification;

/// <summary>Turns a DICOM code (Coding Scheme Designator and Code Value) into the CURIE the catalogue's concepts use.</summary>
/// <remarks>
/// SNOMED CT codes (SCT) become SCTID:code, as the seed vocabulary names them; the DICOM, NCIt, RadLex and UBERON designators
/// map to the catalogue's prefixes. Retired SNOMED RT codes (SRT), still common in segmentations written before 2019, are
/// translated for the structures of the seed vocabulary (PS3.16 Annex L and CID 7151 give both codes); any other code is kept
/// as DESIGNATOR:code, findable in the codes facet and linked once a concept of that CURIE is added.
/// </remarks>
internal static class AnnotationCodes
{
    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SCT"] = "SCTID",
        ["DCM"] = "DCM",
        ["NCIt"] = "NCIT",
        ["RADLEX"] = "RADLEX",
        ["UBERON"] = "UBERON",
    };

    // SNOMED RT (SRT) code -> SNOMED CT concept id, for the anatomy of the seed vocabulary.
    private static readonly Dictionary<string, string> SnomedRt = new(StringComparer.OrdinalIgnoreCase)
    {
        ["T-62000"] = "10200004", // Liver
        ["T-28000"] = "39607008", // Lung
        ["T-92000"] = "41216001", // Prostate
    };

    /// <summary>The CURIE of a code, or null when a part is missing or holds spaces.</summary>
    public static string? Curie(string? designator, string? value)
    {
        if (string.IsNullOrWhiteSpace(designator) || string.IsNullOrWhiteSpace(value))
            return null;
        designator = designator.Trim();
        value = value.Trim();
        if (designator.Any(char.IsWhiteSpace) || value.Any(char.IsWhiteSpace))
            return null;
        if (designator.Equals("SRT", StringComparison.OrdinalIgnoreCase) && SnomedRt.TryGetValue(value, out var snomed))
            return "SCTID:" + snomed;
        return (Prefixes.TryGetValue(designator, out var prefix) ? prefix : designator) + ":" + value;
    }
}
