using System.Text;
using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Types;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Ingest.Concepts;
using Graph.Ingest.Vocabulary;
using Graph.Store;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Imports;

/// <summary>The partner mutation importVocabulary: a partner's own concepts with labels, synonyms and BROADER links, the twin of <c>graph import vocabulary</c>.</summary>
/// <remarks>A partner may import only concepts of prefixes that are not a reference system's (FORBIDDEN otherwise, see
/// <see cref="ConceptPermissions"/>); curators and admins any. The cycle check and the write are one step (<see cref="ConceptEditing"/>).</remarks>
internal static class VocabularyMutationFields
{
    /// <summary>Adds the field to the Mutation type; calling it again changes nothing.</summary>
    public static void AddTo(ObjectGraphType mutation, ImportProblemGraphType problems)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        if (mutation.HasField("importVocabulary"))
            return;

        var format = new EnumerationGraphType { Name = "VocabularyFormat", Description = "The format of a vocabulary text." };
        format.Add("TSV", VocabularyFormat.Tsv, "Tab-separated, in the shape of the shipped concepts.tsv: '#' comment lines, a header row, one concept a line.");
        format.Add("CSV", VocabularyFormat.Csv, "Comma-separated (RFC 4180) with a header row.");
        format.Add("JSON", VocabularyFormat.Json, "A JSON array of objects; synonyms and broader may be arrays.");
        mutation.AddField(new FieldType
        {
            Name = "importVocabulary",
            Description = $"Imports concepts, one a row, columns {string.Join(", ", VocabularyColumns.All)} (curie and label required; synonyms and broader "
                + "separated by '|'), so that searches with includeNarrower follow the partner's own hierarchy. Each broader concept must be in the text or the "
                + "catalogue. A concept the catalogue holds is updated: label, and system, synonyms and IRI when given, replace the stored ones; a non-empty "
                + "broader column replaces its BROADER links. Each bad row is reported with its line number and reason; the text applies whole or not at all, "
                + "unless partial: true, which applies the good rows (in one transaction). Importing the same text again changes nothing. "
                + ConceptEditors.VocabularyRule,
            ResolvedType = new NonNullGraphType(new ImportVocabularyPayloadGraphType(problems)),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "text", Description = "The file's text (at most the request size limit)." },
                new QueryArgument(format) { Name = "format", DefaultValue = VocabularyFormat.Tsv, Description = "The text's format." },
                new QueryArgument(Scalars.Boolean) { Name = "partial", DefaultValue = false, Description = "Apply the good rows even when some are rejected." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var vocabularyFormat = c.GetArgument("format", VocabularyFormat.Tsv);
                Ingest.Records.RecordSet records;
                try
                {
                    records = VocabularyReader.Read(Encoding.UTF8.GetBytes(c.GetArgument<string>("text")), vocabularyFormat);
                }
                catch (VocabularyFormatException e)
                {
                    throw ErrorCodes.BadInput($"The vocabulary text cannot be read: {e.Message}.");
                }

                var services = c.RequestServices!;
                VocabularyImportResult result;
                try
                {
                    result = await services.GetRequiredService<ConceptEditing>().ImportVocabularyAsync(
                        records, vocabularyFormat, c.GetArgument("partial", false), ConceptEditors.Of(c), c.CancellationToken);
                }
                catch (ConceptChangeForbiddenException e)
                {
                    throw ConceptEditors.Forbidden(e);
                }
                catch (ChangeSetRejectedException e)
                {
                    throw ErrorCodes.BadInput(e.Message);
                }

                CatalogRequest.From(c).Use(services.GetRequiredService<CatalogIndex>().Current);
                return result;
            }),
        }.RequireRoles(AccessPolicy.Partners));
    }
}
