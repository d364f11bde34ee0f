using System.Globalization;
using System.Text;

namespace Graph.Export.Postgres;

/// <summary>Writes values as PostgreSQL's COPY reads them in CSV format: an empty unquoted field is NULL, texts are always quoted
/// (so an empty text stays empty), lists are array literals.</summary>
internal static class PgCsv
{
    public static void Append(StringBuilder line, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                AppendQuoted(line, s);
                return;
            case long l:
                line.Append(l.ToString(CultureInfo.InvariantCulture));
                return;
            case int i:
                line.Append(i.ToString(CultureInfo.InvariantCulture));
                return;
            case double d:
                line.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return;
            case bool b:
                line.Append(b ? "true" : "false");
                return;
            case string[] list:
                AppendQuoted(line, ArrayLiteral(list));
                return;
            default:
                throw new ArgumentException($"A {value.GetType().Name} cannot be written to a PostgreSQL column.", nameof(value));
        }
    }

    /// <summary>A PostgreSQL array literal of texts: every element double-quoted, with backslashes and quotes escaped.</summary>
    public static string ArrayLiteral(IEnumerable<string> values) =>
        "{" + string.Join(',', values.Select(v => "\"" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "}";

    private static void AppendQuoted(StringBuilder line, string text)
    {
        line.Append('"');
        foreach (var c in text)
        {
            if (c == '"')
                line.Append('"');
            line.Append(c);
        }

        line.Append('"');
    }
}
