using Graph.Domain;
using Graph.Ingest.Mappings;
using Graph.Store;

namespace Graph.Ingest.Vocabulary;

/// <summary>The seed vocabulary shipped with the catalogue: concepts of the nine cancer types, DICOM modalities and body parts, their BROADER links and mappings.</summary>
/// <remarks>Data lives in <c>concepts.tsv</c> (one concept a line, with the source each code was confirmed in) and <c>seed-mappings.sssom.tsv</c>, both embedded.</remarks>
public static class SeedVocabulary
{
    private static readonly Lazy<IReadOnlyList<SeedConcept>> LazyConcepts = new(LoadConcepts);
    private static readonly Lazy<HashSet<string>> LazyCuries = new(() => Concepts.Select(c => c.Curie).ToHashSet(StringComparer.Ordinal));
    private static readonly Lazy<SssomDocument> LazyMappings = new(() => SssomReader.Read(new StringReader(Resource("seed-mappings.sssom.tsv"))));

    /// <summary>The seed concepts.</summary>
    public static IReadOnlyList<SeedConcept> Concepts => LazyConcepts.Value;

    /// <summary>The seed mappings as an SSSOM document.</summary>
    public static SssomDocument Mappings => LazyMappings.Value;

    /// <summary>Whether a curie is a seed concept.</summary>
    public static bool Contains(string curie) => LazyCuries.Value.Contains(curie);

    /// <summary>The seed concepts that code values of coded fields, as curies: (ICD10, C61) gives ICD10:C61 when it is a seed concept.</summary>
    public static IEnumerable<string> CodedAs(params (string System, object? Code)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (system, code) in values)
        {
            if (code is string text && Contains(system + ":" + text))
                yield return system + ":" + text;
        }
    }

    /// <summary>Adds the concepts <paramref name="include"/> accepts, their BROADER links and cancer types' CODED_AS links, and every seed mapping, to a set.</summary>
    /// <remarks>Links and mappings may touch concepts left out; <see cref="ReferenceData"/> keeps those that touch a node it adds.</remarks>
    internal static ChangeSet AddTo(ChangeSet set, Func<string, bool> include)
    {
        foreach (var concept in Concepts.Where(c => include(c.Curie)))
        {
            set.Add(NodeRecord.Of(GraphModel.Concept, concept.Curie,
                ("system", concept.System), ("code", concept.Code), ("label", concept.Label),
                ("synonyms", concept.Synonyms.Count == 0 ? null : concept.Synonyms.ToArray()),
                ("iri", ConceptSystems.IriOf(concept.Curie[..concept.Curie.IndexOf(':', StringComparison.Ordinal)]) is { } iri ? iri + concept.Code : null)));
        }

        foreach (var concept in Concepts)
        {
            if (concept.Broader is not null)
                set.Add(EdgeRecord.Of(GraphModel.Relation("BROADER", "Concept", "Concept")!, concept.Curie, concept.Broader));
            foreach (var (label, key) in concept.CodedBy)
                set.Add(EdgeRecord.Of(GraphModel.Relation("CODED_AS", label, "Concept")!, key, concept.Curie));
        }

        var (mappings, _) = MappingImporter.Plan(Mappings.Mappings, Mappings.CurieMap, _ => true, writtenBy: null);
        set.Edges.AddRange(mappings.Edges);
        return set;
    }

    private static IReadOnlyList<SeedConcept> LoadConcepts() =>
        VocabularyTsv.Read(Resource("concepts.tsv")).Records.Select(record =>
        {
            var curie = record["curie"]!;
            return new SeedConcept(
                curie,
                record["system"]!,
                curie[(curie.IndexOf(':', StringComparison.Ordinal) + 1)..],
                record["label"]!,
                record.List("synonyms") ?? [],
                record["broader"],
                (record.List("codes") ?? []).Select(c => (c[..c.IndexOf(':', StringComparison.Ordinal)], c[(c.IndexOf(':', StringComparison.Ordinal) + 1)..])).ToArray(),
                record["source"]!);
        }).ToList();

    private static string Resource(string name)
    {
        using var stream = typeof(SeedVocabulary).Assembly.GetManifestResourceStream("Graph.Ingest.Vocabulary." + name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
