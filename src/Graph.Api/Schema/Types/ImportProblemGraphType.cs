using Graph.Ingest.Records;
using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>A problem of an imported record or row, shared by the import payloads (one instance per schema).</summary>
internal sealed class ImportProblemGraphType : ObjectGraphType<RecordProblem>
{
    public ImportProblemGraphType()
    {
        Name = "ImportProblem";
        Description = "A problem of an imported record: where, in which column, whether the record was rejected or applied with a warning, and why.";
        this.AddValue("line", Scalars.Int, "The line where the record starts (0 for the content as a whole).", p => p.Line);
        this.AddValue("column", Scalars.String, "The column concerned, or empty for the whole record.", p => p.Column);
        this.AddValue("severity", Scalars.String, "rejected or warning.", p => p.Severity == ProblemSeverity.Rejected ? "rejected" : "warning");
        this.AddValue("reason", Scalars.String, "What is wrong.", p => p.Reason);
    }
}
