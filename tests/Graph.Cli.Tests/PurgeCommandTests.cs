using System.Text.Json.Nodes;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Cli.Tests;

/// <summary><c>graph purge</c> as an operator runs it: the tombstones of deletions older than the days given are erased, once.</summary>
public sealed class PurgeCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Purge_ErasesTheTombstonesOfDeletionsOlderThanTheDays_Once()
    {
        var (seeded, _, seedError) = await GraphCommand.RunAsync("seed", "--patients", "30", "--data", _folder.Path);
        Assert.True(seeded == 0, seedError);
        long head;
        await using (var store = new SqliteGraphStore(_folder.File("graph.db")))
        {
            var sink = new CollectingSink();
            await store.ReadAllAsync(sink, new ReadScope(["Patient"], []), CancellationToken.None);
            var withdrawal = new ChangeSet { Source = "withdrawal" };
            withdrawal.DeletedNodes.Add(sink.Nodes[0].Node.Ref);
            head = (await new GraphWriter(store, [], NullLogger<GraphWriter>.Instance).WriteAsync(withdrawal, CancellationToken.None)).Sequence;
        }

        var (kept, keptOutput, _) = await GraphCommand.RunAsync("purge", "--older-than", "30d", "--data", _folder.Path, "--json");
        var (exit, output, error) = await GraphCommand.RunAsync("purge", "--older-than", "0d", "--data", _folder.Path, "--json");
        var (again, againOutput, _) = await GraphCommand.RunAsync("purge", "--older-than", "0", "--data", _folder.Path);

        Assert.Equal(0, kept);
        Assert.Equal(0, (long)JsonNode.Parse(keptOutput)!["nodes"]!);
        Assert.True(exit == 0, error);
        var purge = JsonNode.Parse(output)!;
        Assert.Equal(1, (long)purge["nodes"]!);
        Assert.True((long)purge["relationships"]! >= 2, output);
        Assert.Equal(head, (long)purge["purgedThrough"]!);
        Assert.Equal(0, again);
        Assert.StartsWith("Erased 0 node and 0 relationship tombstones", againOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thirty")]
    [InlineData("-3d")]
    [InlineData("3w")]
    [InlineData("")]
    public async Task Purge_OlderThanNotADayCount_ExitsTwoNamingTheOption(string value)
    {
        await GraphCommand.RunAsync("seed", "--patients", "5", "--data", _folder.Path);

        var (exit, _, error) = await GraphCommand.RunAsync("purge", "--older-than", value, "--data", _folder.Path);

        Assert.Equal(2, exit);
        Assert.Contains("--older-than must be a number of days", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_NoCatalogue_FailsNamingTheFolder()
    {
        var (exit, _, error) = await GraphCommand.RunAsync("purge", "--older-than", "30d", "--data", _folder.File("missing"));

        Assert.Equal(2, exit);
        Assert.Contains("graph.db is missing", error, StringComparison.Ordinal);
    }
}
