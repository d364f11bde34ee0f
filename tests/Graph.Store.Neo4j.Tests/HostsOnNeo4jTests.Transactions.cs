using Graph.Store.Access;
using Graph.Store.Neo4j.Tests.Fakes;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

partial class HostsOnNeo4jTests
{
    private IEnumerable<string> Statements(string source) =>
        Transactions().Where(t => t.Source == source).SelectMany(t => t.Statements);

    // Runs a command and returns, with its exit code and output, the transactions it committed.
    private async Task<(int Exit, string Output, List<(string Source, List<string> Statements)> Transactions)> StepAsync(params string[] args)
    {
        var before = _api.Requests.Count;
        var (exit, output) = await RunAsync("graph.dll", args);
        return (exit, output, Transactions(before));
    }

    // The statements of each committed transaction (of the requests from the first one on), by the source its AllocateSequence named.
    private List<(string Source, List<string> Statements)> Transactions(int first = 0)
    {
        var names = Neo4jStatements.All.GroupBy(s => s.Text).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var result = new List<(string, List<string>)>();
        List<string>? open = null;
        string? source = null;
        foreach (var request in _api.Requests.Skip(first))
        {
            if (request.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal))
            {
                open = [];
                source = null;
            }
            else if (request.Path.EndsWith("/commit", StringComparison.Ordinal) && open is not null)
            {
                result.Add((source ?? "?", open));
                open = null;
            }
            else if (open is not null && request.Statement is { } text)
            {
                var name = names.GetValueOrDefault(text, "?");
                if (name == "AllocateSequence")
                    source = request.Parameter("source").GetProperty("_value").GetString();
                open.Add(name);
            }
        }

        return result;
    }
    // Each statement ran in a transaction the command committed, and each of those transactions ended with RecordChange.
    private static void AssertWrote(List<(string Source, List<string> Statements)> transactions, params string[] statements)
    {
        Assert.NotEmpty(transactions);
        Assert.All(transactions, t => Assert.Equal("RecordChange", t.Statements[^1]));
        var ran = transactions.SelectMany(t => t.Statements).ToHashSet(StringComparer.Ordinal);
        Assert.All(statements, s => Assert.Contains(s, ran));
    }
}
