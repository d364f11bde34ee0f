using Graph.Domain;
using Graph.Ingest.Mappings;
using Graph.Ingest.Records;
using Graph.Store;

namespace Graph.Ingest.Vocabulary;

/// <summary>Writes a partner's own vocabulary to the graph: concepts with labels, synonyms and BROADER links, in one ChangeSet.</summary>
/// <remarks>
/// A file applies whole or not at all: with rejected rows nothing is written unless <c>partial</c> is set, and then the good
/// rows are written in one transaction (a row whose broader concept is a rejected row is rejected too). Concepts the catalogue
/// holds are updated: the label, and the system, synonyms and IRI when the row gives them, replace the stored ones (blank
/// columns keep them); a non-empty broader column replaces the concept's stored BROADER links, a blank one keeps them.
/// New concepts get the system and IRI of their prefix when the row leaves them blank. Importing the same file twice changes
/// nothing the second time. A row is refused for a BROADER cycle only when it changes its own BROADER links. The check is made
/// against the catalogue it is given: callers that write concurrently serialise check and write (the service's
/// <c>ConceptEditing</c>), or two imports can each pass with one half of a cycle.
/// </remarks>
public static class VocabularyImporter
{
    /// <summary>The source recorded with the ChangeSets of vocabulary imports.</summary>
    public const string Source = "vocabulary";

    private static readonly RelationKind Broader = GraphModel.Relation("BROADER", "Concept", "Concept")!;

    /// <summary>Checks the records of a file and writes the good ones (all of them or, without <paramref name="partial"/>, none when one is bad);
    /// <paramref name="writtenBy"/> is the caller recorded as the creator of the concepts it creates (null: none).</summary>
    /// <exception cref="ChangeSetRejectedException">The graph refused the set; nothing was applied.</exception>
    /// <exception cref="GraphStoreException">The store failed; nothing was applied.</exception>
    public static async Task<VocabularyImportResult> ImportAsync(
        GraphWriter writer, RecordSet records, VocabularyFormat format, IConceptCatalogue catalogue, bool partial, string? writtenBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var (concepts, problems) = Check(records, format, catalogue);
        var ordered = problems.OrderBy(p => p.Line).ToList();
        var rejected = problems.Where(p => p.Severity == ProblemSeverity.Rejected).Select(p => p.Line).Distinct().Count();
        var rows = records.Records.Count + records.Problems.Where(p => p.Severity == ProblemSeverity.Rejected && p.Line > 0).Select(p => p.Line).Distinct().Count();
        if (rejected > 0 && !partial)
            return new VocabularyImportResult(rows, 0, 0, 0, 0, 0, 0, rejected, false, ordered);
        var plan = Plan(concepts, catalogue, writtenBy);
        var changed = false;
        if (!plan.Set.IsEmpty)
            changed = (await writer.WriteAsync(plan.Set, cancellationToken).ConfigureAwait(false)).Changed;
        return new VocabularyImportResult(rows, concepts.Count, plan.Created, plan.Updated, plan.Unchanged, plan.BroaderAdded, plan.BroaderRemoved, rejected, changed, ordered);
    }

    /// <summary>Parses and checks every record: the concepts that can be applied, in file order, and every problem (the reader's included).</summary>
    public static (IReadOnlyList<VocabularyConcept> Concepts, IReadOnlyList<RecordProblem> Problems) Check(RecordSet records, VocabularyFormat format, IConceptCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(catalogue);
        var problems = records.Problems.ToList();
        char[] separators = format == VocabularyFormat.Json ? ['|', ';'] : ['|'];
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var good = new Dictionary<string, VocabularyConcept>(StringComparer.Ordinal);
        foreach (var record in records.Records)
        {
            var concept = VocabularyRules.Parse(record, separators, problems);
            var curie = record["curie"];
            if (curie is null || ConceptSystems.CheckCurie("curie", curie, out _, out _) is not null)
                continue;
            if (!firstLine.TryAdd(curie, record.Line))
            {
                problems.Add(RecordProblem.Reject(record.Line, "curie", $"curie '{curie}' repeats line {firstLine[curie]}: a file gives each concept once"));
                continue;
            }

            if (concept is not null)
                good[curie] = concept;
        }

        foreach (var concept in good.Values.ToList())
        {
            var unknown = concept.Broader?.FirstOrDefault(b => !firstLine.ContainsKey(b) && catalogue.Find(b) is null);
            if (unknown is not null)
                Reject(concept, $"broader '{unknown}' is neither a concept of this file nor of the catalogue");
        }

        RejectBroaderOfRejected();
        var cache = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var cycles = BroaderCycles.Find(good.Keys.ToList(), BroaderOf);
        foreach (var component in cycles)
        {
            // Only a row that changes its BROADER links can close a cycle; one that keeps them passes even when the catalogue
            // already holds a cycle through it (written by another process, or before this check), so that cycle never blocks
            // re-imports and relabelling, and a row that changes its links is still refused while the cycle stands.
            foreach (var concept in component.Where(good.ContainsKey).Select(c => good[c]).Where(ChangesBroader).OrderBy(c => c.Line).ToList())
                Reject(concept, $"BROADER cycle: {BroaderCycles.Path(concept.Curie, component, BroaderOf)}");
        }

        RejectBroaderOfRejected();
        return (good.Values.OrderBy(c => c.Line).ToList(), problems);

        // The BROADER links as they would be after the import: a row's own when it lists any, else the catalogue's.
        IReadOnlyList<string> BroaderOf(string curie)
        {
            if (cache.TryGetValue(curie, out var known))
                return known;
            IReadOnlyList<string> links = good.TryGetValue(curie, out var row) && row.Broader is not null ? row.Broader : catalogue.Find(curie)?.Broader ?? [];
            cache[curie] = links;
            return links;
        }

        bool ChangesBroader(VocabularyConcept concept) =>
            concept.Broader is not null && !concept.Broader.ToHashSet(StringComparer.Ordinal).SetEquals(catalogue.Find(concept.Curie)?.Broader ?? []);

        void Reject(VocabularyConcept concept, string reason)
        {
            problems.Add(RecordProblem.Reject(concept.Line, "broader", reason));
            good.Remove(concept.Curie);
        }

        void RejectBroaderOfRejected()
        {
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var concept in good.Values.OrderBy(c => c.Line).ToList())
                {
                    var bad = concept.Broader?.FirstOrDefault(b => firstLine.ContainsKey(b) && !good.ContainsKey(b));
                    if (bad is null)
                        continue;
                    Reject(concept, $"broader '{bad}' is the concept of line {firstLine[bad]}, which is rejected");
                    changed = true;
                }
            }
        }
    }

    /// <summary>The ChangeSet that writes checked concepts and their BROADER links, with what it creates, updates and links; a concept it
    /// creates records <paramref name="writtenBy"/> as its creator, one it updates keeps its own.</summary>
    public static VocabularyPlan Plan(IEnumerable<VocabularyConcept> concepts, IConceptCatalogue catalogue, string? writtenBy)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(catalogue);
        var set = new ChangeSet { Source = Source };
        int created = 0, updated = 0, unchanged = 0, added = 0, removed = 0;
        foreach (var c in concepts)
        {
            var existing = catalogue.Find(c.Curie);
            var system = c.System ?? existing?.System ?? ConceptSystems.NameOf(c.Prefix);
            var iri = c.Iri ?? (existing is null && ConceptSystems.IriOf(c.Prefix) is { } baseIri ? baseIri + c.Code : null);
            set.Add(NodeRecord.Of(GraphModel.Concept, c.Curie,
                ("system", system), ("code", c.Code), ("label", c.Label), ("synonyms", c.Synonyms?.ToArray()), ("iri", iri),
                ("writtenBy", existing is null ? writtenBy : null)));
            var stored = existing?.Broader ?? [];
            var linksAdded = 0;
            var linksRemoved = 0;
            if (c.Broader is not null)
            {
                foreach (var broader in c.Broader)
                {
                    set.Add(EdgeRecord.Of(Broader, c.Curie, broader));
                    if (!stored.Contains(broader, StringComparer.Ordinal))
                        linksAdded++;
                }

                foreach (var old in stored.Where(s => !c.Broader.Contains(s, StringComparer.Ordinal)))
                {
                    set.DeletedEdges.Add(EdgeRecord.Of(Broader, c.Curie, old));
                    linksRemoved++;
                }
            }

            (added, removed) = (added + linksAdded, removed + linksRemoved);
            if (existing is null)
                created++;
            else if (existing.System != system || existing.Label != c.Label || (c.Synonyms is not null && !c.Synonyms.SequenceEqual(existing.Synonyms, StringComparer.Ordinal))
                || (c.Iri is not null && c.Iri != existing.Iri) || linksAdded + linksRemoved > 0)
                updated++;
            else
                unchanged++;
        }

        return new VocabularyPlan(set, created, updated, unchanged, added, removed);
    }
}
