using System.Reflection;
using System.Text.RegularExpressions;
using Graph.Store.Neo4j.Tests.Lint;

namespace Graph.Store.Neo4j.Tests;

/// <summary>Every Cypher statement the adapter (and its tests) can send passes Neo4j's own Cypher front end.</summary>
public sealed class CypherLintTests
{
    [Fact]
    public async Task Lint_EveryStatement_HasNoErrorOrWarning()
    {
        var statements = Neo4jStatements.All.Concat(Neo4jTestServer.Statements).ToList();

        var results = await CypherLinter.LintAsync(statements, CancellationToken.None);

        Assert.Equal(statements.Count, results.Count);
        var problems = results
            .SelectMany(r => r.Diagnostics.Where(d => d.Severity is "error" or "warning").Select(d => $"{r.Name}: {d}"))
            .ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} diagnostics:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public async Task Lint_ReadmeExamples_HaveNoErrorOrWarning()
    {
        var folder = typeof(CypherLintTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Neo4jSchemaDirectory").Value!;
        var readme = await File.ReadAllTextAsync(Path.Combine(folder, "README.md"));
        var parameters = new Dictionary<string, object?> { ["uid"] = "1.2.3" };
        var examples = Regex.Matches(readme, "```cypher\n(.*?)```", RegexOptions.Singleline)
            .Select((m, i) => new CypherStatement($"README[{i}]", m.Groups[1].Value.Trim().TrimEnd(';'), parameters))
            .ToList();

        var results = await CypherLinter.LintAsync(examples, CancellationToken.None);

        Assert.NotEmpty(examples);
        var problems = results.SelectMany(r => r.Diagnostics.Where(d => d.Severity is "error" or "warning").Select(d => $"{r.Name}: {d}")).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Lint_BrokenStatements_AreReported()
    {
        var none = new Dictionary<string, object?>();
        CypherStatement[] broken =
        [
            new("Syntax", "MATCH (n:Series RETURN n", none),
            new("UndefinedVariable", "MATCH (n:Series) RETURN m", none),
            new("UndeclaredParameter", "MATCH (n:Series) WHERE n._seq > $after RETURN n", none),
            new("MisspelledLabel", "MATCH (n:Serie) RETURN n", none),
        ];

        var results = await CypherLinter.LintAsync(broken, CancellationToken.None);

        Assert.All(results, r => Assert.Contains(r.Diagnostics, d => d.Severity is "error" or "warning"));
    }
}
