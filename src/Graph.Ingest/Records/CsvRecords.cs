using System.Text;

namespace Graph.Ingest.Records;

/// <summary>Reads comma-separated values as RFC 4180 defines them: a header row, quoted fields that may hold commas,
/// doubled quotes and line breaks, CRLF or LF line ends.</summary>
internal static class CsvRecords
{
    public static void Read(string text, RecordSet set)
    {
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        string[]? header = null;
        while (position < text.Length)
        {
            var start = line;
            var fields = ReadRecord(text, ref position, ref line, out var error);
            if (error is null && fields is [{ Length: 0 }])
                continue;
            if (header is null)
            {
                // Without a header no record can be read: a malformed one refuses the file rather than promote the next record.
                header = fields.Select(f => f.Trim()).ToArray();
                var headerError = error is null ? CheckHeader(header) : $"the header row cannot be read: {error}";
                if (headerError is not null)
                {
                    set.Refuse(start, headerError);
                    return;
                }

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

    private static string? CheckHeader(string[] header)
    {
        if (header.Any(string.IsNullOrEmpty))
            return "the header row has an empty column name";
        return RecordFile.Repeated(header) is { } repeated ? $"the header row names column '{repeated}' twice" : null;
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
