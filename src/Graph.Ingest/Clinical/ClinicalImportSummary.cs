using Graph.Ingest.Records;

namespace Graph.Ingest.Clinical;

/// <summary>What a clinical import did.</summary>
/// <param name="Records">Records in the file, rejected ones included.</param>
/// <param name="Applied">Records applied (whether or not they changed anything).</param>
/// <param name="Rejected">Records not applied.</param>
/// <param name="NodesChanged">Nodes created or updated.</param>
/// <param name="EdgesChanged">Relationships created, updated or deleted.</param>
/// <param name="Sequence">The store's change sequence at the end.</param>
/// <param name="Problems">Every rejection and warning, with line, column and reason.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="Skipped">Rows of empty fields only, skipped (not records, not rejected).</param>
public sealed record ClinicalImportSummary(
    int Records, int Applied, int Rejected, long NodesChanged, long EdgesChanged, long Sequence, IReadOnlyList<RecordProblem> Problems, TimeSpan Elapsed,
    int Skipped)
{
    /// <summary>Warnings about applied records: unknown codes, ignored columns, diagnoses without a cancer type.</summary>
    public int Warnings => Problems.Count(p => p.Severity == ProblemSeverity.Warning);
}
