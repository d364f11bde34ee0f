using System.Globalization;

namespace Graph.Ingest.Mappings;

/// <summary>Writes mappings as SSSOM TSV: the metadata block with the curie_map of every prefix used, the header, one row a mapping in curie order.</summary>
public static class SssomWriter
{
    /// <summary>The mapping set id written when none is configured.</summary>
    public const string DefaultMappingSetId = "urn:cancer-imaging-graph:mappings";

    /// <summary>The licence written when none is configured.</summary>
    public const string DefaultLicense = "https://creativecommons.org/licenses/by/4.0/";

    private const string Header = "subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\tconfidence\tauthor_id\tauthor_label\tmapping_date";

    /// <summary>Writes the mappings; <paramref name="concepts"/> gives labels and IRIs by curie (labels come from the catalogue, not the records).</summary>
    public static void Write(TextWriter writer, IEnumerable<MappingRecord> mappings, IReadOnlyDictionary<string, MappedConcept> concepts, string mappingSetId = DefaultMappingSetId, string license = DefaultLicense)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(concepts);
        var rows = mappings.OrderBy(m => m.SubjectId, StringComparer.Ordinal).ThenBy(m => m.ObjectId, StringComparer.Ordinal).ToList();
        var curieMap = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var curie in rows.SelectMany(m => new[] { m.SubjectId, m.ObjectId }))
        {
            if (ConceptSystems.TrySplit(curie, out var prefix, out var code) && !curieMap.ContainsKey(prefix))
                curieMap[prefix] = BaseIri(prefix, code, concepts.GetValueOrDefault(curie)?.Iri);
        }

        foreach (var (prefix, iri) in ConceptSystems.Builtin)
            curieMap[prefix] = iri;
        if (rows.Any(m => IsOrcid(m.Author)))
            curieMap["orcid"] = "https://orcid.org/";

        writer.WriteLine("#curie_map:");
        foreach (var (prefix, iri) in curieMap)
            writer.WriteLine($"#  {prefix}: {Quote(iri)}");
        writer.WriteLine($"#mapping_set_id: {Quote(mappingSetId)}");
        writer.WriteLine($"#license: {Quote(license)}");
        writer.WriteLine(Header);
        foreach (var m in rows)
        {
            writer.WriteLine(string.Join('\t',
                m.SubjectId,
                TsvReport.Field(concepts.GetValueOrDefault(m.SubjectId)?.Label ?? m.SubjectLabel),
                "skos:" + m.Predicate,
                m.ObjectId,
                TsvReport.Field(concepts.GetValueOrDefault(m.ObjectId)?.Label ?? m.ObjectLabel),
                m.Justification,
                m.Confidence?.ToString("R", CultureInfo.InvariantCulture) ?? "",
                IsOrcid(m.Author) ? m.Author : "",
                IsOrcid(m.Author) ? "" : TsvReport.Field(m.Author),
                m.Date ?? ""));
        }
    }

    private static bool IsOrcid(string? author) => author?.StartsWith("orcid:", StringComparison.Ordinal) == true;

    // A concept imported from a partner's file keeps the IRI its file gave; the prefix's base is that IRI without the code.
    private static string BaseIri(string prefix, string code, string? iri) =>
        ConceptSystems.IriOf(prefix)
        ?? (iri is not null && iri.EndsWith(code, StringComparison.Ordinal) && iri.Length > code.Length ? iri[..^code.Length] : $"urn:cancer-imaging-graph:prefix:{prefix}:");

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
