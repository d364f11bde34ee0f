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

    /// <summary>Reads records from content; columns not in <paramref name="columns"/> get one warning each (a CSV file's on its
    /// header row) and are ignored; content that cannot be read as a whole (not UTF-8, empty, a header row that cannot be read or
    /// lacks a required column) is refused (<see cref="RecordSet.Refusal"/>).</summary>
    public static RecordSet Read(byte[] content, RecordFormat format, RecordColumns columns)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(columns);
        var set = new RecordSet();
        if (!StrictUtf8.IsValid(content))
        {
            set.Refuse(0, StrictUtf8.Refusal);
            return set;
        }

        if (format == RecordFormat.Csv)
        {
            CsvRecords.Read(StrictUtf8.Decode(content)!, set, columns);
            return set;
        }

        // A JSON file has no header: an unknown property is reported on the first object that has it.
        JsonRecords.Read(content, set);
        var warned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in set.Records)
        {
            foreach (var column in record.Fields.Keys)
            {
                if (!columns.IsKnown(column) && warned.Add(column))
                    set.Problems.Add(RecordProblem.Warn(record.Line, column, columns.UnknownColumn()));
            }
        }

        return set;
    }

    /// <summary>The first of the names that is given twice, by <paramref name="comparer"/> (case ignored by default), or null.</summary>
    internal static string? Repeated(IEnumerable<string> names, StringComparer? comparer = null) =>
        names.GroupBy(n => n, comparer ?? StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
}
