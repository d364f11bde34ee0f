using Graph.Api.Schema.Types;
using Graph.Ingest.Records;
using Graph.Ingest.Vocabulary;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Imports;

/// <summary>What importVocabulary did: counts of concepts and BROADER links, and the rejected rows and warnings with line and reason.</summary>
internal sealed class ImportVocabularyPayloadGraphType : ObjectGraphType<VocabularyImportResult>
{
    public ImportVocabularyPayloadGraphType(ImportProblemGraphType problems)
    {
        Name = "ImportVocabularyPayload";
        Description = "What an import of concepts did: rows read, applied and rejected, concepts created and updated, BROADER links, and every problem with its line.";
        this.AddValue("rows", Scalars.Int, "Concept rows in the text, rejected ones included.", r => r.Rows);
        this.AddValue("applied", Scalars.Int, "Rows written (0 when rejected rows stopped a whole-text import).", r => r.Applied);
        this.AddValue("created", Scalars.Int, "Concepts the catalogue did not hold.", r => r.Created);
        this.AddValue("updated", Scalars.Int, "Concepts the catalogue held whose system, label, synonyms, IRI or broader concepts changed.", r => r.Updated);
        this.AddValue("unchanged", Scalars.Int, "Concepts the catalogue held as the text gives them.", r => r.Unchanged);
        this.AddValue("broaderAdded", Scalars.Int, "BROADER links created.", r => r.BroaderAdded);
        this.AddValue("broaderRemoved", Scalars.Int, "BROADER links removed because a row lists other broader concepts.", r => r.BroaderRemoved);
        this.AddValue("changed", Scalars.Boolean, "Whether the catalogue changed (false when the same text is imported again).", r => r.Changed);
        AddField(new FieldType
        {
            Name = "rejected",
            Description = "Rows not applied, by line, with the column and the reason.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(problems))),
            Resolver = new FuncFieldResolver<VocabularyImportResult, object?>(c => c.Source.Problems.Where(p => p.Severity == ProblemSeverity.Rejected).ToList()),
        });
        AddField(new FieldType
        {
            Name = "warnings",
            Description = "Problems that did not stop a row (columns that are not imported), by line.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(problems))),
            Resolver = new FuncFieldResolver<VocabularyImportResult, object?>(c => c.Source.Problems.Where(p => p.Severity == ProblemSeverity.Warning).ToList()),
        });
    }
}
