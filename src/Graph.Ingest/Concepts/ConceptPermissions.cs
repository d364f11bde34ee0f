using Graph.Catalog.Querying;
using Graph.Ingest.Mappings;
using Graph.Ingest.Records;

namespace Graph.Ingest.Concepts;

/// <summary>What a partner may change of the concept graph: its own concepts and their mappings, never the reference systems'
/// concepts or another caller's mappings. Curators and administrators may change everything.</summary>
/// <remarks>
/// A partner's concepts are those of a prefix that is not a reference system's (<see cref="ReferenceSystems"/>); its mappings are
/// those whose subject is such a concept and that it wrote itself (<c>writtenBy</c>). It may map its concepts to reference
/// concepts the catalogue holds (PARTNER:GLIOMA exactMatch NCIT:C3059), but not create, relabel or re-parent a reference
/// concept, add, change or remove a mapping that starts at one, overwrite or remove a mapping another caller wrote, or sign
/// a mapping with the seed vocabulary's author. Each method returns every reason, empty when the change is allowed.
/// </remarks>
public static class ConceptPermissions
{
    private const string Curators = "curators and administrators may";

    /// <summary>Why an editor may not import these vocabulary rows: each row whose concept is a reference system's.</summary>
    public static IReadOnlyList<string> OfVocabulary(ConceptEditor editor, RecordSet records)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(records);
        if (editor.Curates)
            return [];
        return records.Records
            .Where(r => r["curie"] is { } curie && ReferenceSystems.Contains(curie))
            .Select(r => $"line {r.Line}: {Reference(r["curie"]!)}: partners may not create, relabel or re-parent reference concepts ({Curators}); "
                + "import concepts of a prefix of your own")
            .ToList();
    }

    /// <summary>Why an editor may not write these mappings (checked already, so their CURIEs are valid).</summary>
    /// <param name="editor">Who writes.</param>
    /// <param name="mappings">The mappings to write.</param>
    /// <param name="conceptExists">Whether the catalogue holds a concept.</param>
    /// <param name="findMapping">The stored mapping from a subject to an object, or null.</param>
    public static IReadOnlyList<string> OfMappings(
        ConceptEditor editor, IEnumerable<MappingRecord> mappings, Func<string, bool> conceptExists, Func<string, string, ConceptMapping?> findMapping)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(conceptExists);
        ArgumentNullException.ThrowIfNull(findMapping);
        if (editor.Curates)
            return [];
        var reasons = new List<string>();
        foreach (var m in mappings)
        {
            var at = m.Line > 0 ? $"line {m.Line}: " : "";
            if (SubjectRule(m.SubjectId) is { } subject)
                reasons.Add(at + subject);
            else if (OwnerRule(editor, findMapping(m.SubjectId, m.ObjectId)) is { } owner)
                reasons.Add(at + owner);
            if (ReferenceSystems.Contains(m.ObjectId) && !conceptExists(m.ObjectId))
                reasons.Add(at + $"object {Reference(m.ObjectId)} and the catalogue does not hold it: partners may not create reference concepts ({Curators})");
            if (ReferenceSystems.IsSeedAuthor(m.Author))
                reasons.Add(at + $"author '{m.Author}' is the seed vocabulary's: partners may not sign mappings with it");
        }

        return reasons;
    }

    /// <summary>Why an editor may not remove the mapping from <paramref name="subject"/> to <paramref name="target"/>, stored as <paramref name="stored"/> (null: none).</summary>
    public static IReadOnlyList<string> OfUnlink(ConceptEditor editor, string subject, string target, ConceptMapping? stored)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(target);
        if (editor.Curates)
            return [];
        return SubjectRule(subject) is { } reason ? [reason] : OwnerRule(editor, stored) is { } owner ? [owner] : [];
    }

    private static string? SubjectRule(string subject) =>
        ReferenceSystems.Contains(subject)
            ? $"subject {Reference(subject)}: partners may not add, change or remove the mappings of reference concepts ({Curators}); "
                + "map a concept of a prefix of your own to it instead"
            : null;

    private static string? OwnerRule(ConceptEditor editor, ConceptMapping? stored) =>
        stored is not null && stored.WrittenBy != editor.Id
            ? $"the mapping {stored.Subject.Key} -> {stored.Object.Key} was written by another caller: partners may change or remove only the mappings they wrote"
            : null;

    private static string Reference(string curie) => $"'{curie}' is a concept of the reference system {ReferenceSystems.PrefixOf(curie)}";
}
