namespace Graph.Ingest.Records;

/// <summary>The columns an import reads and those a file's header row must name (compared ignoring case).</summary>
/// <param name="Known">Every column the import reads; any other is ignored with a warning.</param>
/// <param name="Required">The columns without which no record can be imported: a header row that lacks one refuses the file.</param>
public sealed record RecordColumns(IReadOnlyList<string> Known, IReadOnlyList<string> Required)
{
    /// <summary>Whether the import reads a column.</summary>
    public bool IsKnown(string column) => Known.Contains(column, StringComparer.OrdinalIgnoreCase);

    /// <summary>The required columns that the names leave out, in order.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> names)
    {
        var given = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Required.Where(c => !given.Contains(c)).ToList();
    }

    /// <summary>Why a column is ignored, as its warning says it.</summary>
    public string UnknownColumn() => $"unknown column, ignored; the known columns are {string.Join(", ", Known)}";
}
