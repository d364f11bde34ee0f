namespace Graph.Store.Neo4j.Tests.Lint;

/// <summary>What the Cypher front end said about one statement.</summary>
internal sealed record LintResult(string Name, IReadOnlyList<LintDiagnostic> Diagnostics);
