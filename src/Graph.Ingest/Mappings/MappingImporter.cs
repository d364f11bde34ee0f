using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Mappings;

/// <summary>Writes mappings to the graph as MAPS_TO relationships with their provenance, creating the concepts it does not hold, in one ChangeSet.</summary>
/// <remarks>
/// A file applies whole or not at all: with rejected rows nothing is written unless <c>partial</c> is set, and then the
/// good rows are written in one transaction. Concepts the catalogue already holds keep their labels; new concepts get
/// the system of their prefix, the label the file gives and the IRI its curie_map gives. Importing the same file
/// twice changes nothing the second time. Each mapping records who wrote it (<c>writtenBy</c>: the API caller, or none for the
/// seed and the graph command), replacing what an earlier write recorded; a concept created here records it too, and keeps it. Who may write what is decided before these run
/// (the service's <c>ConceptEditing</c>); these write what they are given.
/// </remarks>
public static class MappingImporter
{
    /// <summary>The source recorded with the ChangeSets of mapping imports.</summary>
    public const string Source = "mappings";

    private static readonly RelationKind MapsTo = GraphModel.Relation("MAPS_TO", "Concept", "Concept")!;

    /// <summary>Imports a parsed SSSOM document; <paramref name="writtenBy"/> is the caller recorded with each mapping (null: none).</summary>
    /// <exception cref="ChangeSetRejectedException">The graph refused the set; nothing was applied.</exception>
    /// <exception cref="GraphStoreException">The store failed; nothing was applied.</exception>
    public static async Task<MappingImportResult> ImportAsync(
        GraphWriter writer, SssomDocument document, bool partial, Func<string, bool> conceptExists, string? writtenBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        if (document.Rejections.Count > 0 && !partial)
            return new MappingImportResult(document.MappingSetId, 0, 0, document.Rejections);
        var (set, created) = Plan(document.Mappings, document.CurieMap, conceptExists, writtenBy);
        if (!set.IsEmpty)
            await writer.WriteAsync(set, cancellationToken).ConfigureAwait(false);
        return new MappingImportResult(document.MappingSetId, document.Mappings.Count, created, document.Rejections);
    }

    /// <summary>The ChangeSet that writes mappings (checked already), each recording <paramref name="writtenBy"/>, and creates their missing
    /// concepts, recording it as their creator; also how many concepts it creates.</summary>
    public static (ChangeSet Set, int ConceptsCreated) Plan(
        IEnumerable<MappingRecord> mappings, IReadOnlyDictionary<string, string>? curieMap, Func<string, bool> conceptExists, string? writtenBy)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(conceptExists);
        var set = new ChangeSet { Source = Source };
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mappings)
        {
            AddConcept(m.SubjectId, m.SubjectLabel);
            AddConcept(m.ObjectId, m.ObjectLabel);
            set.Add(new EdgeRecord(MapsTo.Type, new NodeRef("Concept", m.SubjectId), new NodeRef("Concept", m.ObjectId), new Dictionary<string, object?>
            {
                ["predicate"] = m.Predicate,
                ["justification"] = m.Justification,
                ["confidence"] = m.Confidence,
                ["author"] = m.Author,
                ["date"] = m.Date,
                ["writtenBy"] = writtenBy,
            }));
        }

        return (set, created.Count);

        void AddConcept(string curie, string? label)
        {
            if (created.Contains(curie) || conceptExists(curie))
                return;
            ConceptSystems.TrySplit(curie, out var prefix, out var code);
            var iri = curieMap?.GetValueOrDefault(prefix) ?? ConceptSystems.IriOf(prefix);
            created.Add(curie);
            set.Add(NodeRecord.Of(GraphModel.Concept, curie,
                ("system", ConceptSystems.NameOf(prefix)), ("code", code), ("label", label), ("iri", iri is null ? null : iri + code), ("writtenBy", writtenBy)));
        }
    }

    /// <summary>Links two concepts with one mapping (creating concepts the catalogue does not hold), or updates the mapping's provenance;
    /// <paramref name="writtenBy"/> is the caller recorded with it.</summary>
    /// <exception cref="ArgumentException">The mapping is not valid; the message says why.</exception>
    public static async Task<MappingImportResult> LinkAsync(
        GraphWriter writer, MappingRecord mapping, Func<string, bool> conceptExists, string? writtenBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(mapping);
        if (MappingRules.Check(mapping, null) is { } error)
            throw new ArgumentException(error, nameof(mapping));
        var (set, created) = Plan([mapping], null, conceptExists, writtenBy);
        await writer.WriteAsync(set, cancellationToken).ConfigureAwait(false);
        return new MappingImportResult("", 1, created, []);
    }

    /// <summary>Removes the mapping from one concept to another; returns whether the graph changed.</summary>
    public static async Task<bool> UnlinkAsync(GraphWriter writer, string subjectId, string objectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var set = new ChangeSet { Source = Source };
        set.DeletedEdges.Add(EdgeRecord.Of(MapsTo, subjectId, objectId));
        var result = await writer.WriteAsync(set, cancellationToken).ConfigureAwait(false);
        return result.Changed;
    }
}
