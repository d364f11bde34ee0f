namespace Graph.Ingest.Records;

/// <summary>The formats an import file can have.</summary>
public enum RecordFormat
{
    /// <summary>Comma-separated values (RFC 4180) with a header row.</summary>
    Csv,

    /// <summary>A JSON array of objects.</summary>
    Json,
}
