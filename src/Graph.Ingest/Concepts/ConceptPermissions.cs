using Graph.Catalog.Querying;
using Graph.Ingest.Mappings;
using Graph.Ingest.Records;

namespace Graph.Ingest.Concepts;

/// <summary>What a partner may change of the concept graph: the concepts it created and the mappings it wrote from them, never the
/// reference systems' concepts, another caller's concepts or another caller's mappings. Curators and administrators may change everything.</summary>
/// <remarks>
/// A partner's concepts are those it created (<c>writtenBy</c> on the concept, see <see cref="ConceptCreators"/>), of a prefix that is
/// not a reference system's (<see cref="ReferenceSystems"/>); it may create concepts only of a prefix whose concepts (compared ignoring
/// case) are all its own, so a prefix belongs to the first caller that creates a concept of it. Concepts without a creator (the seed's,
/// the graph command's, those created before creators were recorded) are no partner's. A partner may map its concepts to any concept
/// the catalogue holds (PARTNER:GLIOMA exactMatch NCIT:C3059), but not create, relabel or re-parent a reference concept or another
/// caller's, add, change or remove a mapping that starts at one, overwrite or remove a mapping another caller wrote, or sign a mapping
/// with the seed vocabulary's author. Each method returns every reason, empty when the change is allowed.
/// </remarks>
public static class ConceptPermissions
{
    private const string Curators = "curators and administrators may";

    /// <summary>Why an editor may not import these vocabulary rows: each row of a reference concept, of a concept another caller
    /// created, or creating a concept of a prefix another caller uses.</summary>
    public static IReadOnlyList<string> OfVocabulary(ConceptEditor editor, RecordSet records, ConceptCreators creators)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(creators);
        if (editor.Curates)
            return [];
        var reasons = new List<string>();
        foreach (var record in records.Records)
        {
            if (record["curie"] is not { } curie || !ConceptSystems.TrySplit(curie, out _, out _))
                continue;
            if (ReferenceSystems.Contains(curie))
            {
                reasons.Add($"line {record.Line}: {Reference(curie)}: partners may not create, relabel or re-parent reference concepts ({Curators}); "
                    + "import concepts of a prefix of your own");
            }
            else if (ConceptRule(editor, curie, creators) is { } rule)
            {
                reasons.Add($"line {record.Line}: {rule}");
            }
        }

        return reasons;
    }

    /// <summary>Why an editor may not write these mappings (checked already, so their CURIEs are valid).</summary>
    /// <param name="editor">Who writes.</param>
    /// <param name="mappings">The mappings to write.</param>
    /// <param name="creators">The catalogue's concepts and who created them.</param>
    /// <param name="findMapping">The stored mapping from a subject to an object, or null.</param>
    public static IReadOnlyList<string> OfMappings(
        ConceptEditor editor, IEnumerable<MappingRecord> mappings, ConceptCreators creators, Func<string, string, ConceptMapping?> findMapping)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(creators);
        ArgumentNullException.ThrowIfNull(findMapping);
        if (editor.Curates)
            return [];
        var reasons = new List<string>();
        foreach (var m in mappings)
        {
            var at = m.Line > 0 ? $"line {m.Line}: " : "";
            if (SubjectRule(m.SubjectId) is { } subject)
                reasons.Add(at + subject);
            else if (ConceptRule(editor, m.SubjectId, creators) is { } concept)
                reasons.Add(at + "subject " + concept);
            else if (OwnerRule(editor, findMapping(m.SubjectId, m.ObjectId)) is { } owner)
                reasons.Add(at + owner);
            if (ReferenceSystems.Contains(m.ObjectId))
            {
                if (!creators.Holds(m.ObjectId))
                    reasons.Add(at + $"object {Reference(m.ObjectId)} and the catalogue does not hold it: partners may not create reference concepts ({Curators})");
            }
            else if (!creators.Holds(m.ObjectId) && ConceptRule(editor, m.ObjectId, creators) is { } created)
            {
                reasons.Add(at + "object " + created);
            }

            if (ReferenceSystems.IsSeedAuthor(m.Author))
                reasons.Add(at + $"author '{m.Author}' is the seed vocabulary's: partners may not sign mappings with it");
        }

        return reasons;
    }

    /// <summary>Why an editor may not remove the mapping from <paramref name="subject"/> to <paramref name="target"/>, stored as <paramref name="stored"/> (null: none).</summary>
    public static IReadOnlyList<string> OfUnlink(ConceptEditor editor, string subject, string target, ConceptMapping? stored, ConceptCreators creators)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(creators);
        if (editor.Curates)
            return [];
        if (SubjectRule(subject) is { } reason)
            return [reason];
        if (creators.Holds(subject) && ConceptRule(editor, subject, creators) is { } concept)
            return ["subject " + concept];
        return OwnerRule(editor, stored) is { } owner ? [owner] : [];
    }

    // A concept of a prefix that is not a reference system's: a held one must be the editor's; a new one must not share its prefix
    // (ignoring case) with a concept someone else created, so no partner adds to, or opens a look-alike of, another's prefix.
    private static string? ConceptRule(ConceptEditor editor, string curie, ConceptCreators creators)
    {
        if (creators.Holds(curie))
        {
            return creators.CreatedBy(curie, editor.Id)
                ? null
                : $"'{curie}' was created by another caller (or before creators were recorded): partners may relabel, re-parent and map "
                    + $"only the concepts they created ({Curators})";
        }

        return creators.OtherCreatorsConcept(curie, editor.Id) is { } other
            ? $"'{curie}' has the prefix of '{other}', a concept you did not create (prefixes compared ignoring case): partners may create "
                + $"concepts only of a prefix whose concepts are all theirs ({Curators}); choose a prefix of your own"
            : null;
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
