using Graph.Ingest.Records;

namespace Graph.Ingest.Vocabulary;

/// <summary>Reads tab-separated concepts in the shape of the shipped concepts.tsv: lines starting with '#' are comments, blank
/// lines are skipped, the first other line is the header; a line with fewer fields than the header has empty trailing fields.</summary>
internal static class VocabularyTsv
{
    public static RecordSet Read(string text)
    {
        var set = new RecordSet();
        string[]? header = null;
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (line.StartsWith('#') || line.Trim().Length == 0)
                continue;
            var fields = line.Split('\t');
            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToArray();
                if (HeaderRow.Check(header, line, VocabularyColumns.Import, ("TSV", "tabs")) is { } headerError)
                    throw new VocabularyFormatException($"line {number}: {headerError}");
                foreach (var unknown in header.Where(h => !VocabularyColumns.Import.IsKnown(h)))
                    set.Problems.Add(RecordProblem.Warn(number, unknown, VocabularyColumns.Import.UnknownColumn()));
                continue;
            }

            if (fields.Length > header.Length)
            {
                set.Problems.Add(RecordProblem.Reject(number, "", $"the line has {fields.Length} tab-separated fields where the header has {header.Length}"));
                continue;
            }

            var values = new Dictionary<string, string?>(header.Length, StringComparer.OrdinalIgnoreCase);
            for (var f = 0; f < header.Length; f++)
                values[header[f]] = f < fields.Length ? fields[f] : "";
            set.Records.Add(new SourceRecord(number, values));
        }

        if (header is null)
            throw new VocabularyFormatException("the file is empty: a header row naming the columns (curie, label, ...) is required");
        return set;
    }
}
