using System.Text;
using Graph.Ingest.Records;

namespace Graph.Ingest.Vocabulary;

/// <summary>Reads a vocabulary file, TSV (the shape of the shipped concepts.tsv), CSV or JSON, into records with their line numbers.</summary>
public static class VocabularyReader
{
    /// <summary>The format of a file: the one asked for, else by extension (.tsv, .csv, .json), else JSON when the text starts with '[',
    /// else TSV when its first line that is not a comment holds a tab, else CSV.</summary>
    public static VocabularyFormat Detect(string path, byte[] content, VocabularyFormat? format)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        if (format is { } given)
            return given;
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".tsv":
                return VocabularyFormat.Tsv;
            case ".csv":
                return VocabularyFormat.Csv;
            case ".json":
                return VocabularyFormat.Json;
        }

        var text = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 4096)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('['))
            return VocabularyFormat.Json;
        var first = text.Split('\n').FirstOrDefault(l => !l.StartsWith('#') && l.Trim().Length > 0) ?? "";
        return first.Contains('\t', StringComparison.Ordinal) ? VocabularyFormat.Tsv : VocabularyFormat.Csv;
    }

    /// <summary>Reads the records of a file; columns other than <see cref="VocabularyColumns.All"/> get one warning each and are ignored.</summary>
    /// <exception cref="VocabularyFormatException">The file cannot be read as a whole; the message says why.</exception>
    public static RecordSet Read(byte[] content, VocabularyFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (format == VocabularyFormat.Tsv)
            return VocabularyTsv.Read(StrictUtf8.Decode(content) ?? throw new VocabularyFormatException(StrictUtf8.Refusal));

        var set = RecordFile.Read(content, format == VocabularyFormat.Json ? RecordFormat.Json : RecordFormat.Csv, VocabularyColumns.Import);
        return set.Refusal is { } refusal ? throw new VocabularyFormatException(refusal.Describe()) : set;
    }
}
