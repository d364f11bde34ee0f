using Graph.Api.Schema.Types;
using Graph.Catalog.Querying;
using Graph.Domain;
using Graph.Ingest.Mappings;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Imports;

/// <summary>Types of concept mappings: a mapping with its provenance, the link input, and the import payload with rejected rows.</summary>
internal sealed class MappingGraphTypes
{
    public MappingGraphTypes()
    {
        var concept = new GraphQLTypeReference(GraphModel.Concept.Label);
        Mapping = new ObjectGraphType { Name = "ConceptMapping", Description = "A mapping between two concepts (MAPS_TO) with its provenance, as SSSOM records it." };
        Mapping.AddField(new FieldType { Name = "subject", ResolvedType = new NonNullGraphType(concept), Description = "The concept the mapping starts from.", Resolver = Resolve(m => m.Subject) });
        Mapping.AddField(new FieldType { Name = "object", ResolvedType = new NonNullGraphType(concept), Description = "The concept it maps to.", Resolver = Resolve(m => m.Object) });
        Add(Mapping, "predicate", new NonNullGraphType(Scalars.String), "The SKOS predicate: exactMatch, closeMatch, broadMatch, narrowMatch or relatedMatch.", m => m.Predicate);
        Add(Mapping, "justification", Scalars.String, "How it was made (a SEMAPV term such as semapv:ManualMappingCuration).", m => m.Justification);
        Add(Mapping, "confidence", Scalars.Float, "Confidence between 0 and 1.", m => m.Confidence).Disclosed(DisclosureKind.Record);
        Add(Mapping, "author", Scalars.String, "Who made it (an ORCID CURIE or a name).", m => m.Author);
        Add(Mapping, "date", Scalars.String, "When it was made (ISO 8601).", m => m.Date);

        LinkInput = new InputObjectGraphType { Name = "LinkConceptsInput", Description = "A mapping from one concept to another with its provenance; concepts the catalogue does not hold are created." };
        LinkInput.AddField(new FieldType { Name = "subject", ResolvedType = new NonNullGraphType(Scalars.String), Description = "The CURIE of the concept the mapping starts from." });
        LinkInput.AddField(new FieldType { Name = "subjectLabel", ResolvedType = Scalars.String, Description = "Its label, used when the concept is new." });
        LinkInput.AddField(new FieldType { Name = "predicate", ResolvedType = new NonNullGraphType(Scalars.String), Description = "exactMatch, closeMatch, broadMatch, narrowMatch or relatedMatch (with or without 'skos:')." });
        LinkInput.AddField(new FieldType { Name = "object", ResolvedType = new NonNullGraphType(Scalars.String), Description = "The CURIE of the concept it maps to." });
        LinkInput.AddField(new FieldType { Name = "objectLabel", ResolvedType = Scalars.String, Description = "Its label, used when the concept is new." });
        LinkInput.AddField(new FieldType { Name = "justification", ResolvedType = Scalars.String, DefaultValue = "semapv:ManualMappingCuration", Description = "A SEMAPV term." });
        LinkInput.AddField(new FieldType { Name = "confidence", ResolvedType = Scalars.Float, Description = "Confidence between 0 and 1." });
        LinkInput.AddField(new FieldType { Name = "author", ResolvedType = Scalars.String, Description = "Who made it (orcid:0000-0002-1825-0097 or a name); the caller's name when not given. The seed vocabulary's author is for curators and admins only." });
        LinkInput.AddField(new FieldType { Name = "date", ResolvedType = Scalars.String, Description = "When it was made (ISO 8601 date); today (UTC) when not given." });

        var rejection = new ObjectGraphType { Name = "MappingRejection", Description = "A mapping that was not applied: its line in the file and why." };
        ConnectionGraphTypes.Add(rejection, "line", new NonNullGraphType(Scalars.Int), "The line of the SSSOM text (1 is the first line).", c => ((MappingRejection)c.Source!).Line);
        ConnectionGraphTypes.Add(rejection, "reason", new NonNullGraphType(Scalars.String), "Why, naming the column and the value.", c => ((MappingRejection)c.Source!).Reason);
        ImportPayload = new ObjectGraphType { Name = "ImportMappingsPayload", Description = "What an import of SSSOM mappings did." };
        ConnectionGraphTypes.Add(ImportPayload, "mappingSetId", new NonNullGraphType(Scalars.String), "The file's mapping_set_id.", c => ((MappingImportResult)c.Source!).MappingSetId);
        ConnectionGraphTypes.Add(ImportPayload, "applied", new NonNullGraphType(Scalars.Int), "Mappings written (0 when rejected rows stopped a whole-file import).", c => ((MappingImportResult)c.Source!).Applied);
        ConnectionGraphTypes.Add(ImportPayload, "conceptsCreated", new NonNullGraphType(Scalars.Int), "Concepts created for CURIEs the catalogue did not hold.", c => ((MappingImportResult)c.Source!).ConceptsCreated);
        ConnectionGraphTypes.Add(ImportPayload, "rejected", new NonNullGraphType(new ListGraphType(new NonNullGraphType(rejection))), "Rows not applied, with line and reason.", c => ((MappingImportResult)c.Source!).Rejections);
    }

    public ObjectGraphType Mapping { get; }

    public InputObjectGraphType LinkInput { get; }

    public ObjectGraphType ImportPayload { get; }

    private static GraphQL.Resolvers.FuncFieldResolver<object?> Resolve(Func<ConceptMapping, object?> get) => new(c => get((ConceptMapping)c.Source!));

    private static FieldType Add(ObjectGraphType type, string name, IGraphType graphType, string description, Func<ConceptMapping, object?> get) =>
        ConnectionGraphTypes.Add(type, name, graphType, description, c => get((ConceptMapping)c.Source!));
}
