using Graph.Ingest.Records;

namespace Graph.Ingest.Algorithms;

/// <summary>What an algorithms import did.</summary>
/// <param name="Records">Records in the file, rejected ones included.</param>
/// <param name="Applied">Algorithms registered (whether or not they changed anything).</param>
/// <param name="Rejected">Records not applied.</param>
/// <param name="NodesChanged">Nodes created or updated.</param>
/// <param name="EdgesChanged">Relationships created or deleted.</param>
/// <param name="Sequence">The store's change sequence at the end.</param>
/// <param name="Problems">Every rejection and warning, with line, column and reason.</param>
/// <param name="Skipped">Rows of empty fields only, skipped (not records, not rejected).</param>
public sealed record AlgorithmImportSummary(
    int Records, int Applied, int Rejected, long NodesChanged, long EdgesChanged, long Sequence, IReadOnlyList<RecordProblem> Problems, int Skipped);
