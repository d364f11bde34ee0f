using Graph.Ingest.Clinical;
using Graph.Ingest.Records;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema;

/// <summary>What importClinical did: counts, the catalogue version after it, and every rejection and warning.</summary>
internal sealed class ClinicalImportPayloadGraphType : ObjectGraphType<ClinicalImportSummary>
{
    public ClinicalImportPayloadGraphType()
    {
        Name = "ClinicalImportPayload";
        Description = "What a clinical import did: records read, applied and rejected, changes, and every problem with its line and column.";
        Add("records", Scalars.Int, "Records in the content, rejected ones included.", s => s.Records);
        Add("applied", Scalars.Int, "Records applied, whole.", s => s.Applied);
        Add("rejected", Scalars.Int, "Records not applied.", s => s.Rejected);
        Add("warnings", Scalars.Int, "Warnings about applied records (unknown codes, ignored columns).", s => s.Warnings);
        Add("nodesChanged", Scalars.Int, "Nodes created or updated.", s => (int)s.NodesChanged);
        Add("relationshipsChanged", Scalars.Int, "Relationships created or deleted.", s => (int)s.EdgesChanged);
        Add("catalogueVersion", Scalars.Long, "The catalogue change sequence after the import.", s => s.Sequence);
        AddField(new GraphQL.Types.FieldType
        {
            Name = "problems",
            Description = "Every rejection and warning, by line.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new ImportProblemGraphType()))),
            Resolver = new FuncFieldResolver<ClinicalImportSummary, object?>(c => c.Source.Problems.OrderBy(p => p.Line).ToList()),
        });
    }

    private void Add(string name, IGraphType type, string description, Func<ClinicalImportSummary, object?> value) =>
        AddField(new GraphQL.Types.FieldType
        {
            Name = name,
            ResolvedType = new NonNullGraphType(type),
            Description = description,
            Resolver = new FuncFieldResolver<ClinicalImportSummary, object?>(c => value(c.Source)),
        });

    private sealed class ImportProblemGraphType : ObjectGraphType<RecordProblem>
    {
        public ImportProblemGraphType()
        {
            Name = "ImportProblem";
            Description = "A problem of an imported record: where, in which column, whether the record was rejected or applied with a warning, and why.";
            Add("line", Scalars.Int, "The line where the record starts (0 for the content as a whole).", p => p.Line);
            Add("column", Scalars.String, "The column concerned, or empty for the whole record.", p => p.Column);
            Add("severity", Scalars.String, "rejected or warning.", p => p.Severity == ProblemSeverity.Rejected ? "rejected" : "warning");
            Add("reason", Scalars.String, "What is wrong.", p => p.Reason);
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
