namespace Graph.Ingest.Records;

/// <summary>What became of the record a problem was found in.</summary>
public enum ProblemSeverity
{
    /// <summary>The record was not applied.</summary>
    Rejected,

    /// <summary>The record was applied; the problem is worth a look (an unknown code, an ignored column).</summary>
    Warning,
}
