using Graph.Ingest.Records;
using Graph.Ingest.Vocabulary;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema;

/// <summary>What importVocabulary did: counts of concepts and BROADER links, and the rejected rows and warnings with line and reason.</summary>
internal sealed class VocabularyImportPayloadGraphType : ObjectGraphType<VocabularyImportResult>
{
    public VocabularyImportPayloadGraphType()
    {
        Name = "ImportVocabularyPayload";
        Description = "What an import of concepts did: rows read, applied and rejected, concepts created and updated, BROADER links, and every problem with its line.";
        Add("rows", Scalars.Int, "Concept rows in the text, rejected ones included.", r => r.Rows);
        Add("applied", Scalars.Int, "Rows written (0 when rejected rows stopped a whole-text import).", r => r.Applied);
        Add("created", Scalars.Int, "Concepts the catalogue did not hold.", r => r.Created);
        Add("updated", Scalars.Int, "Concepts the catalogue held whose system, label, synonyms, IRI or broader concepts changed.", r => r.Updated);
        Add("unchanged", Scalars.Int, "Concepts the catalogue held as the text gives them.", r => r.Unchanged);
        Add("broaderAdded", Scalars.Int, "BROADER links created.", r => r.BroaderAdded);
        Add("broaderRemoved", Scalars.Int, "BROADER links removed because a row lists other broader concepts.", r => r.BroaderRemoved);
        Add("changed", Scalars.Boolean, "Whether the catalogue changed (false when the same text is imported again).", r => r.Changed);
        AddField(new GraphQL.Types.FieldType
        {
            Name = "rejected",
            Description = "Rows not applied, by line, with the column and the reason.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new VocabularyProblemGraphType("VocabularyRejection", "A row that was not applied: its line, the column concerned and why.")))),
            Resolver = new FuncFieldResolver<VocabularyImportResult, object?>(c => c.Source.Problems.Where(p => p.Severity == ProblemSeverity.Rejected).ToList()),
        });
        AddField(new GraphQL.Types.FieldType
        {
            Name = "warnings",
            Description = "Problems that did not stop a row (columns that are not imported), by line.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new VocabularyProblemGraphType("VocabularyWarning", "A problem that did not stop a row: its line, the column and what was done.")))),
            Resolver = new FuncFieldResolver<VocabularyImportResult, object?>(c => c.Source.Problems.Where(p => p.Severity == ProblemSeverity.Warning).ToList()),
        });
    }

    private void Add(string name, IGraphType type, string description, Func<VocabularyImportResult, object?> value) =>
        AddField(new GraphQL.Types.FieldType
        {
            Name = name,
            ResolvedType = new NonNullGraphType(type),
            Description = description,
            Resolver = new FuncFieldResolver<VocabularyImportResult, object?>(c => value(c.Source)),
        });

    private sealed class VocabularyProblemGraphType : ObjectGraphType<RecordProblem>
    {
        public VocabularyProblemGraphType(string name, string description)
        {
            Name = name;
            Description = description;
            Add("line", Scalars.Int, "The line of the text (1 is the first line; 0 for the text as a whole).", p => p.Line);
            Add("column", Scalars.String, "The column concerned, or empty for the whole row.", p => p.Column);
            Add("reason", Scalars.String, "Why, naming the value.", p => p.Reason);
        }

        private void Add(string name, IGraphType type, string description, Func<RecordProblem, object?> value) =>
            AddField(new GraphQL.Types.FieldType
            {
                Name = name,
                ResolvedType = new NonNullGraphType(type),
                Description = description,
                Resolver = new FuncFieldResolver<RecordProblem, object?>(c => value(c.Source)),
            });
    }
}
