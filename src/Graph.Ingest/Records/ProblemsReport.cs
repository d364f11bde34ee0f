using System.Globalization;

namespace Graph.Ingest.Records;

/// <summary>Writes the problems of an import as tab-separated values: line, column, severity (rejected or warning), reason.</summary>
public static class ProblemsReport
{
    /// <summary>The header line.</summary>
    public const string Header = "line\tcolumn\tseverity\treason";

    /// <summary>Writes the report, ordered by line, creating its folder if needed.</summary>
    public static Task WriteAsync(string path, IEnumerable<RecordProblem> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return TsvReport.WriteAsync(
            path,
            Header,
            problems.OrderBy(p => p.Line).Select(p => new[]
            {
                p.Line.ToString(CultureInfo.InvariantCulture), p.Column, p.Severity == ProblemSeverity.Rejected ? "rejected" : "warning", p.Reason,
            }),
            cancellationToken);
    }
}
