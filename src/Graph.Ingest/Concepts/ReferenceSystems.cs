using System.Collections.Frozen;
using Graph.Ingest.Mappings;
using Graph.Ingest.Vocabulary;

namespace Graph.Ingest.Concepts;

/// <summary>The code systems the catalogue ships as reference (NCIt, SNOMED CT, ICD-10, ICD-O-3, DICOM, ...): what their concepts
/// mean is the same for every user, so only curators and administrators change them.</summary>
/// <remarks>
/// Derived, not listed: the prefixes of the seed vocabulary's concepts and mappings, and those <see cref="ConceptSystems"/> names
/// and expands (RadLex, UBERON), so a prefix added to the seed is reference at once. Prefixes are compared ignoring case, so
/// <c>ncit:C3058</c> is as much a reference concept as <c>NCIT:C3058</c> and a partner cannot open a look-alike namespace.
/// </remarks>
public static class ReferenceSystems
{
    private static readonly Lazy<FrozenSet<string>> LazyPrefixes = new(() =>
        SeedVocabulary.Concepts.Select(c => c.Curie)
            .Concat(SeedVocabulary.Mappings.Mappings.SelectMany(m => new[] { m.SubjectId, m.ObjectId }))
            .Select(curie => ConceptSystems.TrySplit(curie, out var prefix, out _) ? prefix : "")
            .Where(prefix => prefix.Length > 0)
            .Concat(ConceptSystems.KnownPrefixes)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<FrozenSet<string>> LazySeedAuthors = new(() =>
        SeedVocabulary.Mappings.Mappings.Select(m => Normalise(m.Author)).Where(a => a.Length > 0).ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>The reference prefixes, compared ignoring case.</summary>
    public static IReadOnlySet<string> Prefixes => LazyPrefixes.Value;

    /// <summary>Whether a CURIE's prefix is a reference system's (ignoring case); false for a text that is not a CURIE.</summary>
    public static bool Contains(string curie) => PrefixOf(curie) is not null;

    /// <summary>The reference prefix of a CURIE as the catalogue spells it (ncit:C3058 gives NCIT), or null when it is not a reference system's.</summary>
    public static string? PrefixOf(string curie) =>
        ConceptSystems.TrySplit(curie, out var prefix, out _) && LazyPrefixes.Value.TryGetValue(prefix, out var known) ? known : null;

    /// <summary>Whether an author text is one the seed's mappings carry (ignoring case and runs of spaces), which only the catalogue
    /// itself and its curators may sign with.</summary>
    public static bool IsSeedAuthor(string? author) => LazySeedAuthors.Value.Contains(Normalise(author));

    private static string Normalise(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
