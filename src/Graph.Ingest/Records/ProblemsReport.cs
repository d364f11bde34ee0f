using System.Text;

namespace Graph.Ingest.Records;

/// <summary>Writes the problems of an import as tab-separated values: line, column, severity (rejected or warning), reason.</summary>
public static class ProblemsReport
{
    /// <summary>The header line.</summary>
    public const string Header = "line\tcolumn\tseverity\treason";

    /// <summary>Writes the report, ordered by line, creating its folder if needed.</summary>
    public static async Task WriteAsync(string path, IEnumerable<RecordProblem> problems, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(problems);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var problem in problems.OrderBy(p => p.Line))
        {
            text.Append(problem.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\t')
                .Append(Field(problem.Column)).Append('\t')
                .Append(problem.Severity == ProblemSeverity.Rejected ? "rejected" : "warning").Append('\t')
                .Append(Field(problem.Reason)).Append('\n');
        }

        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    private static string Field(string value) => value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
