namespace Graph.Ingest.Records;

/// <summary>The records read from a file, with the problems of its structure (bad quoting, wrong field counts, unknown columns).</summary>
public sealed class RecordSet
{
    /// <summary>The records that could be read, in file order.</summary>
    public List<SourceRecord> Records { get; } = [];

    /// <summary>Problems found while reading; a record with a structural problem is not in <see cref="Records"/>.</summary>
    public List<RecordProblem> Problems { get; } = [];

    /// <summary>Rows of separators and empty fields only (as spreadsheets save formatted empty rows), skipped: neither records nor problems.</summary>
    public int Skipped { get; internal set; }

    /// <summary>Why the file was refused as a whole (not UTF-8, empty, a header row or JSON array that cannot be read), or null.</summary>
    /// <remarks>A refused file has no records and nothing of it may be applied; the refusal is also one of the <see cref="Problems"/>.</remarks>
    public RecordProblem? Refusal { get; private set; }

    /// <summary>Throws when the file was refused: hosts report a refusal themselves and never import such a set.</summary>
    internal void ThrowIfRefused()
    {
        if (Refusal is not null)
            throw new InvalidOperationException($"The file was refused as a whole ({Refusal.Describe()}); there is nothing to import.");
    }

    /// <summary>Refuses the file as a whole, dropping any record read before.</summary>
    internal void Refuse(int line, string reason)
    {
        Refusal = RecordProblem.Reject(line, "", reason);
        Records.Clear();
        Skipped = 0;
        Problems.Add(Refusal);
    }
}
