namespace Graph.Ingest.Vocabulary;

/// <summary>The formats a vocabulary file can have.</summary>
public enum VocabularyFormat
{
    /// <summary>Tab-separated values in the shape of the shipped concepts.tsv: '#' comment lines, a header row, one concept a line.</summary>
    Tsv,

    /// <summary>Comma-separated values (RFC 4180) with a header row.</summary>
    Csv,

    /// <summary>A JSON array of objects, one concept each.</summary>
    Json,
}
