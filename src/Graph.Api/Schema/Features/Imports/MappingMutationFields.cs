using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Types;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;
using Graph.Ingest.Concepts;
using Graph.Ingest.Mappings;
using Graph.Store;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Schema.Features.Imports;

/// <summary>Partner mutations of concept mappings: linkConcepts, unlinkConcepts and importMappings (SSSOM TSV).</summary>
/// <remarks>Partners, curators and admins run them; a partner only on mappings of its own concepts that no other caller wrote
/// (<see cref="ConceptPermissions"/>), refused with FORBIDDEN otherwise. Each change goes through <see cref="ConceptEditing"/>.</remarks>
internal static class MappingMutationFields
{
    /// <summary>Adds the fields to the Mutation type; calling it again changes nothing.</summary>
    public static void AddTo(ObjectGraphType mutation, MappingGraphTypes types)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        ArgumentNullException.ThrowIfNull(types);
        if (mutation.HasField("linkConcepts"))
            return;

        mutation.AddField(new FieldType
        {
            Name = "linkConcepts",
            Description = "Maps one concept to another (MAPS_TO) with predicate and provenance, or updates that mapping; "
                + "concepts the catalogue does not hold are created from their CURIEs. " + ConceptEditors.MappingRule,
            ResolvedType = new NonNullGraphType(types.Mapping),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(types.LinkInput)) { Name = "input", Description = "The mapping." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                string? Text(string name) => (input.GetValueOrDefault(name) as string)?.Trim() is { Length: > 0 } v ? v : null;
                var predicate = Text("predicate") ?? "";
                var mapping = new MappingRecord(
                    Text("subject") ?? "",
                    Text("subjectLabel"),
                    predicate.StartsWith("skos:", StringComparison.Ordinal) ? predicate[5..] : predicate,
                    Text("object") ?? "",
                    Text("objectLabel"),
                    Text("justification") ?? "semapv:ManualMappingCuration",
                    input.GetValueOrDefault("confidence") switch { double d => d, decimal m => (double)m, int i => i, _ => null },
                    Text("author") ?? c.User?.Identity?.Name ?? "anonymous",
                    Text("date") ?? DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                if (MappingRules.Check(mapping, null) is { } error)
                    throw ErrorCodes.BadInput(error + ".");
                var services = c.RequestServices!;
                await Write(() => services.GetRequiredService<ConceptEditing>().LinkAsync(mapping, ConceptEditors.Of(c), c.CancellationToken));
                var snapshot = services.GetRequiredService<CatalogIndex>().Current;
                CatalogRequest.From(c).Use(snapshot);
                var subject = snapshot.Find(GraphModel.Concept, mapping.SubjectId)!;
                return ConceptGraph.MappingsOf(subject).First(m => m.Subject.Key == mapping.SubjectId && m.Object.Key == mapping.ObjectId);
            }),
        }.RequireRoles(AccessPolicy.Partners));

        mutation.AddField(new FieldType
        {
            Name = "unlinkConcepts",
            Description = "Removes the mapping from one concept to another; the concepts stay. True when a mapping was removed. " + ConceptEditors.MappingRule,
            ResolvedType = new NonNullGraphType(Scalars.Boolean),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "subject", Description = "The CURIE the mapping starts from." },
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "object", Description = "The CURIE it maps to." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var subject = c.GetArgument<string>("subject").Trim();
                var target = c.GetArgument<string>("object").Trim();
                if (!ConceptSystems.TrySplit(subject, out _, out _) || !ConceptSystems.TrySplit(target, out _, out _))
                    throw ErrorCodes.BadInput($"subject '{subject}' and object '{target}' must both be CURIEs (a prefix and a code separated by ':').");
                var services = c.RequestServices!;
                var removed = false;
                await Write(async () => removed = await services.GetRequiredService<ConceptEditing>().UnlinkAsync(subject, target, ConceptEditors.Of(c), c.CancellationToken));
                CatalogRequest.From(c).Use(services.GetRequiredService<CatalogIndex>().Current);
                return removed;
            }),
        }.RequireRoles(AccessPolicy.Partners));

        mutation.AddField(new FieldType
        {
            Name = "importMappings",
            Description = "Imports SSSOM TSV mappings. Each bad row is reported with its line number and reason; the text applies whole "
                + "or not at all, unless partial: true, which applies the good rows (in one transaction) and reports the rest. " + ConceptEditors.MappingRule,
            ResolvedType = new NonNullGraphType(types.ImportPayload),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "sssom", Description = "The SSSOM TSV text, metadata block included (at most the request size limit)." },
                new QueryArgument(Scalars.Boolean) { Name = "partial", DefaultValue = false, Description = "Apply the good rows even when some are rejected." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                SssomDocument document;
                try
                {
                    document = SssomReader.Read(new StringReader(c.GetArgument<string>("sssom")));
                }
                catch (SssomFormatException e)
                {
                    throw ErrorCodes.BadInput(e.Message);
                }

                var services = c.RequestServices!;
                var index = services.GetRequiredService<CatalogIndex>();
                MappingImportResult? result = null;
                await Write(async () => result = await services.GetRequiredService<ConceptEditing>().ImportMappingsAsync(
                    document, c.GetArgument("partial", false), ConceptEditors.Of(c), c.CancellationToken));
                CatalogRequest.From(c).Use(index.Current);
                return result;
            }),
        }.RequireRoles(AccessPolicy.Partners));
    }

    private static async Task Write(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (ConceptChangeForbiddenException e)
        {
            throw ConceptEditors.Forbidden(e);
        }
        catch (ChangeSetRejectedException e)
        {
            throw ErrorCodes.BadInput(e.Message);
        }
        catch (ArgumentException e)
        {
            throw ErrorCodes.BadInput(e.Message);
        }
    }
}
