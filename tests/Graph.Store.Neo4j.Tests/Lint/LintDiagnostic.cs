namespace Graph.Store.Neo4j.Tests.Lint;

/// <summary>One diagnostic of the Cypher front end: error, warning, information or hint, with its position.</summary>
internal sealed record LintDiagnostic(string Severity, string Message, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity} at {Line}:{Column}: {Message}";
}
