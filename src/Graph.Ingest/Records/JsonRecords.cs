using System.Text.Json;

namespace Graph.Ingest.Records;

/// <summary>Reads a JSON array of objects; each object is a record that starts on the line of its opening brace.</summary>
/// <remarks>Strings, numbers and booleans become text; arrays of scalars become their items joined by ';'; objects
/// and other arrays become their JSON text. Text that is not JSON anywhere in the file refuses the file as a whole.</remarks>
internal static class JsonRecords
{
    public static void Read(byte[] json, RecordSet set)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var counted = 0;
        var line = 1;
        var item = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                set.Refuse(1, "a JSON import file must hold an array of objects");
                return;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                item++;
                line += CountLines(json, counted, (int)reader.TokenStartIndex);
                counted = (int)reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    set.Problems.Add(RecordProblem.Reject(line, "", $"item {item} of the array is not an object"));
                    reader.Skip();
                    continue;
                }

                using var document = JsonDocument.ParseValue(ref reader);
                var properties = document.RootElement.EnumerateObject().ToList();
                if (RecordFile.Repeated(properties.Select(p => p.Name)) is { } repeated)
                {
                    set.Problems.Add(RecordProblem.Reject(line, "", $"item {item} of the array names column '{repeated}' twice"));
                    continue;
                }

                var values = new Dictionary<string, string?>(properties.Count, StringComparer.OrdinalIgnoreCase);
                foreach (var property in properties)
                    values.Add(property.Name, Text(property.Value));
                set.Records.Add(new SourceRecord(line, values));
            }

            // Anything but whitespace and comments after the array is an error the reader throws.
            reader.Read();
        }
        catch (JsonException e)
        {
            // The reader cannot resynchronise after a syntax error (NaN, as Python's json.dump writes it, a missing comma): the
            // records after it cannot be read, so the file is refused rather than imported in part.
            var (at, column, reason) = JsonError.Describe(e, json);
            set.Refuse(at ?? line, column is null ? $"the file is not valid JSON: {reason}" : $"the file is not valid JSON at column {column}: {reason}");
        }
    }

    private static int CountLines(byte[] json, int from, int to)
    {
        var lines = 0;
        for (var i = from; i < to; i++)
        {
            if (json[i] == (byte)'\n')
                lines++;
        }

        return lines;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind is JsonValueKind.String or JsonValueKind.Number) =>
            string.Join(';', value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
        _ => value.GetRawText(),
    };
}
