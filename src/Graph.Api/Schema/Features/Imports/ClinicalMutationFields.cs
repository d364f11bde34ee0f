using System.Text;
using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Types;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Ingest.Clinical;
using Graph.Ingest.Records;
using Graph.Store;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Imports;

/// <summary>The curator mutation of clinical data: importClinical, the GraphQL twin of <c>graph import clinical</c> for small files.</summary>
/// <remarks>Not yet restricted to curators: the service has no authentication so far (see the security issue).</remarks>
internal static class ClinicalMutationFields
{
    /// <summary>Records per ChangeSet.</summary>
    private const int Batch = 500;

    /// <summary>Adds the field to the Mutation type; calling it again changes nothing.</summary>
    public static void AddTo(ObjectGraphType mutation, ImportProblemGraphType problems)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        if (mutation.HasField("importClinical"))
            return;

        mutation.AddField(new FieldType
        {
            Name = "importClinical",
            Description = "Imports clinical data for patients of the catalogue, one record per diagnosis (CSV with a header row, or a JSON "
                + $"array of objects; columns {string.Join(", ", ClinicalColumns.All)}). Each record is validated on its own and applied whole or "
                + "rejected with its line, column and reason; codes the catalogue's concepts do not hold are warnings. Content that cannot be read as "
                + "a whole (empty, a header row that cannot be read, JSON that is not valid anywhere in it) is a BAD_USER_INPUT error, nothing applied. Importing the same content again "
                + "changes nothing. The request size limit applies: import large files with 'graph import clinical'.",
            ResolvedType = new NonNullGraphType(new ImportClinicalPayloadGraphType(problems)),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "content", Description = "The file's text." },
                new QueryArgument(Scalars.String) { Name = "format", Description = "csv or json; by default JSON when the text starts with '[', else CSV." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var formatText = c.GetArgument<string?>("format")?.Trim().ToLowerInvariant();
                if (formatText is not (null or "csv" or "json"))
                    throw ErrorCodes.BadInput($"'format' must be csv or json, not '{formatText}'.");
                var content = Encoding.UTF8.GetBytes(c.GetArgument<string>("content"));
                var format = formatText switch
                {
                    "csv" => RecordFormat.Csv,
                    "json" => RecordFormat.Json,
                    _ => RecordFile.Detect("", content, null),
                };
                var set = RecordFile.Read(content, format, ClinicalColumns.Import);
                if (set.Refusal is { } refusal)
                    throw ErrorCodes.BadInput($"The content cannot be read as a whole: {refusal.Describe()}. Nothing was applied.");
                var services = c.RequestServices!;
                var index = services.GetRequiredService<CatalogIndex>();
                var snapshot = index.Current;
                var summary = await ClinicalImport.RunAsync(
                    new ClinicalCatalogue(snapshot), snapshot.Sequence, services.GetRequiredService<GraphWriter>(), set, Batch, c.CancellationToken);
                CatalogRequest.From(c).Use(index.Current);
                return summary;
            }),
        }.RequireRoles(AccessPolicy.Curators));
    }
}
