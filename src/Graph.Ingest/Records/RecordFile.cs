using System.Text;

namespace Graph.Ingest.Records;

/// <summary>Reads an import file, CSV or JSON, into records, and flags the columns an importer does not know.</summary>
public static class RecordFile
{
    /// <summary>The format of a file: the one asked for, else by extension (.json, .csv), else JSON when the text starts with '['.</summary>
    public static RecordFormat Detect(string path, byte[] content, RecordFormat? format)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        if (format is { } given)
            return given;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".json")
            return RecordFormat.Json;
        if (extension == ".csv")
            return RecordFormat.Csv;
        var first = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 64)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return first.StartsWith('[') ? RecordFormat.Json : RecordFormat.Csv;
    }

    /// <summary>Reads records from content; columns not in <paramref name="columns"/> get one warning each and are ignored.</summary>
    public static RecordSet Read(byte[] content, RecordFormat format, IReadOnlyCollection<string> columns)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(columns);
        var set = new RecordSet();
        if (format == RecordFormat.Json)
            JsonRecords.Read(content, set);
        else
            ReadCsv(content, set);

        var known = new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        var warned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in set.Records)
        {
            foreach (var column in record.Fields.Keys)
            {
                if (!known.Contains(column) && warned.Add(column))
                {
                    set.Problems.Add(RecordProblem.Warn(record.Line, column,
                        $"unknown column, ignored; the known columns are {string.Join(", ", columns)}"));
                }
            }
        }

        return set;
    }

    private static void ReadCsv(byte[] content, RecordSet set)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            set.Problems.Add(RecordProblem.Reject(0, "", "the file is not UTF-8 text"));
            return;
        }

        CsvRecords.Read(text, set);
    }
}
