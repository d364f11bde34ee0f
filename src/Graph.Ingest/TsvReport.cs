using System.Text;

namespace Graph.Ingest;

/// <summary>Writes a report as tab-separated values (UTF-8, no byte order mark, "\n" line ends), the one writer of every
/// import report: tabs and line breaks inside a field become spaces, so each record stays one line.</summary>
public static class TsvReport
{
    /// <summary>Writes the header and the rows to a file, creating its folder if needed.</summary>
    public static async Task WriteAsync(string path, string header, IEnumerable<IEnumerable<string>> rows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(rows);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows)
            text.AppendJoin('\t', row.Select(f => Field(f))).Append('\n');
        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A value as one TSV field: tabs and line breaks become spaces, null becomes empty.</summary>
    public static string Field(string? value) => value is null ? "" : value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
