namespace Graph.Ingest.Records;

/// <summary>Checks the header row of a delimited file (CSV, or the vocabulary's TSV) before any record is read.</summary>
/// <remarks>A header that cannot name the required columns refuses the file whether or not records follow: a file of other
/// columns, or of one column holding a whole semicolon-separated row, would otherwise read as zero records and succeed, or
/// give one "missing column" per record instead of the one reason.</remarks>
internal static class HeaderRow
{
    /// <summary>Why the header refuses the file, or null when it names the columns.</summary>
    /// <param name="names">The column names, trimmed.</param>
    /// <param name="line">The header row as written, to recognise another separator.</param>
    /// <param name="columns">The columns the import reads and requires.</param>
    /// <param name="format">The format read, "CSV" or "TSV", and how its columns are separated ("commas", "tabs").</param>
    public static string? Check(IReadOnlyList<string> names, string line, RecordColumns columns, (string Name, string Separator) format)
    {
        var missing = columns.Missing(names);
        if (missing.Count > 0 && line.Contains(';', StringComparison.Ordinal))
            return Semicolons(line, format);
        if (names.Any(string.IsNullOrEmpty))
            return "the header row has an empty column name";
        if (RecordFile.Repeated(names) is { } repeated)
            return $"the header row names column '{repeated}' twice";
        return missing.Count > 0
            ? $"the header row has no {string.Join(" or ", missing.Select(m => $"'{m}'"))} column; it names {string.Join(", ", names)}"
            : null;
    }

    /// <summary>Why a header row that holds semicolons where the format's separator should be refuses the file.</summary>
    public static string Semicolons(string line, (string Name, string Separator) format) =>
        $"the header row '{Shown(line)}' looks semicolon-separated, as Excel saves CSV in many European locales; "
        + $"a {format.Name} file's columns must be separated by {format.Separator}";

    /// <summary>Why Excel's separator hint naming a separator other than the format's refuses the file.</summary>
    public static string OtherSeparator(string hint, char separator, (string Name, string Separator) format) => separator == ';'
        ? $"the first line '{hint}' is Excel's hint that the file is semicolon-separated, as Excel saves CSV in many European locales; "
            + $"a {format.Name} file's columns must be separated by {format.Separator}"
        : $"the first line '{hint}' is Excel's hint that the columns are separated by '{separator}'; a {format.Name} file's columns must be separated by {format.Separator}";

    /// <summary>Whether a line is Excel's separator hint (<c>sep=;</c>), and the separator it names.</summary>
    public static bool IsSeparatorHint(string line, out char separator)
    {
        separator = line.Length == 5 ? line[4] : '\0';
        return line.Length == 5 && line.StartsWith("sep=", StringComparison.OrdinalIgnoreCase);
    }

    private static string Shown(string line) => line.Length <= 120 ? line : string.Concat(line.AsSpan(0, 117), "...");
}
