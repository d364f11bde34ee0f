using System.Text;

namespace Graph.Ingest.Records;

/// <summary>Reads comma-separated values as RFC 4180 defines them: a header row, quoted fields that may hold commas,
/// doubled quotes and line breaks, CRLF or LF line ends.</summary>
/// <remarks>Excel's separator hint, a first line <c>sep=,</c>, is skipped; one naming another separator (<c>sep=;</c>, as
/// Excel in many European locales expects) refuses the file, since its records would not split into the columns. Blank lines and
/// rows whose every field is empty are skipped, the latter counted in <see cref="RecordSet.Skipped"/>.</remarks>
internal static class CsvRecords
{
    private static readonly (string Name, string Separator) Format = ("CSV", "commas");

    public static void Read(string text, RecordSet set, RecordColumns columns)
    {
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        string[]? header = null;
        var first = true;
        while (position < text.Length)
        {
            var start = line;
            var from = position;
            var fields = ReadRecord(text, ref position, ref line, out var error);
            if (error is null && fields is [{ Length: 0 }])
                continue;
            if (error is null && fields.All(string.IsNullOrWhiteSpace))
            {
                // A row of separators only (",,,"), as Excel saves rows that are formatted but empty: no record, and no reason to reject one.
                set.Skipped++;
                continue;
            }

            var raw = text[from..position].TrimEnd('\r', '\n');
            if (first && HeaderRow.IsSeparatorHint(raw.Trim(), out var separator))
            {
                first = false;
                if (separator == ',')
                    continue;
                set.Refuse(start, HeaderRow.OtherSeparator(raw.Trim(), separator, Format));
                return;
            }

            first = false;
            if (header is null)
            {
                // Without a header no record can be read: a malformed one refuses the file rather than promote the next record.
                header = fields.Select(f => f.Trim()).ToArray();
                var headerError = error is null ? HeaderRow.Check(header, raw, columns, Format)
                    : raw.Contains(';', StringComparison.Ordinal) ? HeaderRow.Semicolons(raw, Format)
                    : $"the header row cannot be read: {error}";
                if (headerError is not null)
                {
                    set.Refuse(start, headerError);
                    return;
                }

                // Said once, on the header's own line, whether or not records follow.
                foreach (var unknown in header.Where(h => !columns.IsKnown(h)))
                    set.Problems.Add(RecordProblem.Warn(start, unknown, columns.UnknownColumn()));
                continue;
            }

            if (error is not null)
            {
                set.Problems.Add(RecordProblem.Reject(start, "", error));
                continue;
            }

            if (fields.Count != header.Length)
            {
                set.Problems.Add(RecordProblem.Reject(start, "", $"the record has {fields.Count} fields where the header has {header.Length}"));
                continue;
            }

            var values = new Dictionary<string, string?>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
                values[header[i]] = fields[i];
            set.Records.Add(new SourceRecord(start, values));
        }

        if (header is null)
            set.Refuse(0, "the file is empty: a header row naming the columns is required");
    }

    private static List<string> ReadRecord(string text, ref int position, ref int line, out string? error)
    {
        error = null;
        var fields = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            if (position < text.Length && text[position] == '"')
            {
                position++;
                while (true)
                {
                    if (position >= text.Length)
                    {
                        error ??= "a quoted field is not closed before the end of the file";
                        fields.Add(field.ToString());
                        return fields;
                    }

                    var c = text[position++];
                    if (c == '"')
                    {
                        if (position < text.Length && text[position] == '"')
                        {
                            field.Append('"');
                            position++;
                            continue;
                        }

                        break;
                    }

                    if (c == '\n')
                        line++;
                    field.Append(c);
                }

                if (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                    error ??= "text follows the closing quote of a field";
            }

            while (position < text.Length && text[position] is not (',' or '\r' or '\n'))
            {
                if (text[position] == '"')
                    error ??= "a quote inside an unquoted field: quote the whole field and double the quotes in it";
                field.Append(text[position++]);
            }

            fields.Add(field.ToString());
            field.Clear();
            if (position >= text.Length)
                return fields;
            var delimiter = text[position++];
            if (delimiter == ',')
                continue;
            if (delimiter == '\r' && position < text.Length && text[position] == '\n')
                position++;
            line++;
            return fields;
        }
    }
}
