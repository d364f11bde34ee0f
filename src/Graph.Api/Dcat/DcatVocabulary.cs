using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Domain;

namespace Graph.Api.Dcat;

/// <summary>The JSON-LD context, namespaces and controlled vocabularies (EU Publications Office authority tables) of the DCAT-AP export.</summary>
internal static partial class DcatVocabulary
{
    public const string Dcat = "http://www.w3.org/ns/dcat#";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string HealthDcatAp = "http://healthdataportal.eu/ns/health#";
    public const string Authority = "http://publications.europa.eu/resource/authority/";

    /// <summary>The EHDS regulation, (EU) 2025/327, which HealthDCAT-AP datasets name as applicable legislation.</summary>
    public const string Ehds = "http://data.europa.eu/eli/reg/2025/327/oj";

    /// <summary>The health theme of the EU data-theme vocabulary.</summary>
    public const string HealthTheme = Authority + "data-theme/HEAL";

    /// <summary>The IANA media type of DICOM files.</summary>
    public const string DicomMediaType = "https://www.iana.org/assignments/media-types/application/dicom";

    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        ["dcat"] = Dcat,
        ["dct"] = Dct,
        ["dcatap"] = "http://data.europa.eu/r5r/",
        ["healthdcatap"] = HealthDcatAp,
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
        ["adms"] = "http://www.w3.org/ns/adms#",
        ["skos"] = "http://www.w3.org/2004/02/skos/core#",
        ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
    };

    private static readonly Dictionary<string, string> Alpha3 = new(StringComparer.Ordinal)
    {
        ["AT"] = "AUT",
        ["BE"] = "BEL",
        ["BG"] = "BGR",
        ["HR"] = "HRV",
        ["CY"] = "CYP",
        ["CZ"] = "CZE",
        ["DK"] = "DNK",
        ["EE"] = "EST",
        ["FI"] = "FIN",
        ["FR"] = "FRA",
        ["DE"] = "DEU",
        ["GR"] = "GRC",
        ["HU"] = "HUN",
        ["IE"] = "IRL",
        ["IT"] = "ITA",
        ["LV"] = "LVA",
        ["LT"] = "LTU",
        ["LU"] = "LUX",
        ["MT"] = "MLT",
        ["NL"] = "NLD",
        ["PL"] = "POL",
        ["PT"] = "PRT",
        ["RO"] = "ROU",
        ["SK"] = "SVK",
        ["SI"] = "SVN",
        ["ES"] = "ESP",
        ["SE"] = "SWE",
        ["IS"] = "ISL",
        ["LI"] = "LIE",
        ["NO"] = "NOR",
        ["CH"] = "CHE",
        ["GB"] = "GBR",
    };

    /// <summary>A new copy of the JSON-LD context: the prefixes of every term the export uses.</summary>
    public static JsonObject Context()
    {
        var context = new JsonObject();
        foreach (var (prefix, iri) in Prefixes)
            context[prefix] = iri;
        return context;
    }

    /// <summary>The access-right concept of an access tier: open is PUBLIC, registered RESTRICTED, restricted NON_PUBLIC.</summary>
    public static string AccessRight(string? tier) => Authority + "access-right/" + tier switch
    {
        "open" => "PUBLIC",
        "registered" => "RESTRICTED",
        _ => "NON_PUBLIC",
    };

    /// <summary>The country concept of an ISO 3166-1 alpha-2 code, or null when the code is not a European one the table knows.</summary>
    public static string? Country(string? alpha2) =>
        alpha2 is not null && Alpha3.TryGetValue(alpha2, out var code) ? Authority + "country/" + code : null;

    /// <summary>The licence: the SPDX licence IRI for an SPDX identifier, the URL for an absolute http(s) URL, else a licence
    /// document labelled with the text.</summary>
    /// <remarks>Licences are free text in the graph; only these two shapes make an IRI that resolves, so anything else ("CC BY 4.0",
    /// "see the data use agreement", "../licence") stays a label rather than become a broken or relative link.</remarks>
    public static JsonNode Licence(string licence)
    {
        var text = licence.Trim();
        if (SpdxIdentifier().IsMatch(text) && !text.StartsWith("LicenseRef-", StringComparison.Ordinal) && !text.StartsWith("DocumentRef-", StringComparison.Ordinal))
            return Ref("http://spdx.org/licenses/" + text);
        return WebAddress.IsHttpUrl(text) ? Ref(text) : new JsonObject { ["@type"] = "dct:LicenseDocument", ["rdfs:label"] = licence };
    }

    /// <summary>The WHO IRI of an ICD-10 code (C22, C50.9), or null when the text is not shaped as one.</summary>
    public static string? Icd10(string code) => Icd10Code().IsMatch(code) ? "http://id.who.int/icd/release/10/" + code : null;

    /// <summary>A reference to a resource by IRI.</summary>
    public static JsonObject Ref(string iri) => new() { ["@id"] = iri };

    /// <summary>An English text.</summary>
    public static JsonObject English(string text) => new() { ["@value"] = text, ["@language"] = "en" };

    /// <summary>A typed literal.</summary>
    public static JsonObject Typed(string value, string type) => new() { ["@value"] = value, ["@type"] = type };

    // The SPDX license-list short identifier: letters, digits, '-' and '.', an old-style '+' at the end (GPL-2.0+).
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.-]{0,99}\+?$")]
    private static partial Regex SpdxIdentifier();

    [GeneratedRegex(@"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")]
    private static partial Regex Icd10Code();
}
