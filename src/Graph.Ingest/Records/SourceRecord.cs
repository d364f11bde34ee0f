namespace Graph.Ingest.Records;

/// <summary>One record of an input file: the line it starts on and its values by column name (case-insensitive).</summary>
/// <param name="Line">The 1-based line of the file where the record starts.</param>
/// <param name="Fields">The values by column name; a JSON null is a null value.</param>
public sealed record SourceRecord(int Line, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>The trimmed value of a column, or null when the column is missing, null or blank.</summary>
    public string? this[string column] => Fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Splits a list-valued column on ';' and '|' into its trimmed, non-empty items; null when the column is blank.</summary>
    public IReadOnlyList<string>? List(string column) =>
        this[column]?.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
