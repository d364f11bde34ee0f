using System.Globalization;
using System.Text;

namespace Graph.Ingest;

/// <summary>Writes a report as tab-separated values (UTF-8, no byte order mark, "\n" line ends), the one writer of every
/// import report: each row stays one line, and nothing in a field can act on the terminal that shows it.</summary>
public static class TsvReport
{
    /// <summary>Writes the header and the rows to a file, creating its folder if needed; every field is written as <see cref="Escape"/> gives it.</summary>
    public static async Task WriteAsync(string path, string header, IEnumerable<IEnumerable<string>> rows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(rows);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows)
            text.AppendJoin('\t', row.Select(Escape)).Append('\n');
        await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A value as one report field: control characters (tab and line breaks among them), format characters (bidirectional
    /// overrides, zero-width spaces), line and paragraph separators and unpaired surrogates are written as <c>\uXXXX</c>, a
    /// backslash as <c>\\</c>; null becomes empty.</summary>
    /// <remarks>As in a JSON string, so the value can be recovered exactly (a file name with a tab still names the file), while
    /// <c>cat</c> shows an escape sequence or a reversed name as text instead of running or reordering it.</remarks>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                text.Append(@"\\");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else if (Unprintable(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>A value as one TSV cell of a data file other tools read (SSSOM): tabs and line breaks become spaces, null becomes empty.</summary>
    public static string Field(string? value) => value is null ? "" : value.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    private static bool Unprintable(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
