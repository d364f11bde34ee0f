using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Features.Imports;
using Graph.Api.Schema.Types;
using Graph.Catalog.Querying;
using Graph.Domain;
using Graph.Ingest.Mappings;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Search;

/// <summary>Ontology reads: concept search and autocomplete, a concept's mappings with provenance, and the mapping set as SSSOM TSV.</summary>
internal static class ConceptQueryFields
{
    /// <summary>Adds the query fields and the Concept type's mappingDetails; calling it again changes nothing.</summary>
    public static void AddTo(ObjectGraphType query, ObjectGraphType concept, MappingGraphTypes mappings)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(concept);
        ArgumentNullException.ThrowIfNull(mappings);
        if (query.HasField("conceptSearch"))
            return;

        query.AddField(new FieldType
        {
            Name = "conceptSearch",
            Description = "Finds concepts for search boxes and autocomplete: exact code or CURIE first, then codes starting with the text, "
                + "then labels and synonyms whose words start with each word of the text (ignoring case and accents).",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(concept))),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "text", Description = "A code, CURIE, label or start of words (at most 200 characters)." },
                new QueryArgument(new ListGraphType(new NonNullGraphType(Scalars.String))) { Name = "systems", Description = "Only these systems, by name (SNOMED CT) or CURIE prefix (SCTID)." },
                new QueryArgument(Scalars.Int) { Name = "first", DefaultValue = 20, Description = "At most this many (1 to 1000)." }),
            Resolver = new FuncFieldResolver<object?>(c =>
                ConceptSearch.Find(CatalogRequest.From(c).Snapshot, c.GetArgument<string>("text"), c.GetArgument<List<string>?>("systems"), c.GetArgument("first", 20))),
        });

        query.AddField(new FieldType
        {
            Name = "exportMappings",
            Description = "Every concept mapping of the catalogue as SSSOM TSV (metadata block with curie_map, mapping_set_id and license, then one row a mapping), "
                + "ready for `graph import mappings` or another catalogue.",
            ResolvedType = new NonNullGraphType(Scalars.String),
            Arguments = new QueryArguments(
                new QueryArgument(Scalars.String) { Name = "mappingSetId", DefaultValue = SssomWriter.DefaultMappingSetId, Description = "The mapping_set_id to write." },
                new QueryArgument(Scalars.String) { Name = "license", DefaultValue = SssomWriter.DefaultLicense, Description = "The license to write." }),
            Resolver = new FuncFieldResolver<object?>(c => Export(
                CatalogRequest.From(c).Snapshot, c.GetArgument("mappingSetId", SssomWriter.DefaultMappingSetId), c.GetArgument("license", SssomWriter.DefaultLicense))),
        });

        concept.AddField(new FieldType
        {
            Name = "mappingDetails",
            Description = "The concept's mappings, those it starts and those that end at it, with predicate and provenance.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(mappings.Mapping))),
            Resolver = new FuncFieldResolver<object?>(c => ConceptGraph.MappingsOf((Catalog.GraphNode)c.Source!)),
        }.Disclosed(DisclosureKind.Record));
    }

    /// <summary>The snapshot's mappings as SSSOM TSV.</summary>
    public static string Export(Catalog.CatalogSnapshot snapshot, string mappingSetId, string license)
    {
        var all = ConceptGraph.Mappings(snapshot);
        var concepts = new Dictionary<string, MappedConcept>(StringComparer.Ordinal);
        foreach (var node in all.SelectMany(m => new[] { m.Subject, m.Object }))
            concepts[node.Key] = new MappedConcept(node.Key, node["label"] as string, node["iri"] as string);
        var records = all.Select(m => new MappingRecord(m.Subject.Key, null, m.Predicate, m.Object.Key, null,
            m.Justification ?? "semapv:UnspecifiedMatching", m.Confidence, m.Author, m.Date));
        using var text = new StringWriter();
        SssomWriter.Write(text, records, concepts, mappingSetId, license);
        return text.ToString();
    }

    /// <summary>Whether a live concept with this curie is in the snapshot.</summary>
    public static bool Exists(Catalog.CatalogSnapshot snapshot, string curie) => snapshot.Find(GraphModel.Concept, curie) is not null;
}
