namespace Graph.Ingest.Records;

/// <summary>The records read from a file, with the problems of its structure (bad quoting, wrong field counts, unknown columns).</summary>
public sealed class RecordSet
{
    /// <summary>The records that could be read, in file order.</summary>
    public List<SourceRecord> Records { get; } = [];

    /// <summary>Problems found while reading; a record with a structural problem is not in <see cref="Records"/>.</summary>
    public List<RecordProblem> Problems { get; } = [];
}
