namespace Graph.Ingest.Records;

/// <summary>A problem found in an input file: where, in which column, how bad, and why.</summary>
/// <param name="Line">The 1-based line where the record starts (0 for the file as a whole).</param>
/// <param name="Column">The column concerned, or empty for the whole record.</param>
/// <param name="Severity">Whether the record was rejected or applied with a warning.</param>
/// <param name="Reason">What is wrong, naming the value where that helps.</param>
public sealed record RecordProblem(int Line, string Column, ProblemSeverity Severity, string Reason)
{
    /// <summary>A problem that rejects the record.</summary>
    public static RecordProblem Reject(int line, string column, string reason) => new(line, column, ProblemSeverity.Rejected, reason);

    /// <summary>A problem that leaves the record applied.</summary>
    public static RecordProblem Warn(int line, string column, string reason) => new(line, column, ProblemSeverity.Warning, reason);

    /// <summary>The reason after its line, when it has one ("line 1: ..."), as a message about the whole file gives it.</summary>
    public string Describe() => Line > 0 ? $"line {Line}: {Reason}" : Reason;
}
