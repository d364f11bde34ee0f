using System.Text.Json.Nodes;
using Graph.Testing;

namespace Graph.Cli.Tests;

public sealed class SeedAndStatsTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SeedHelp_DescribesEveryOption()
    {
        var (exit, output, _) = await GraphCommand.RunAsync("seed", "--help");
        Assert.Equal(0, exit);
        foreach (var option in new[] { "--patients", "--data", "--seed", "--batch" })
            Assert.Contains(option, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedThenStats_ReportsTheCatalogue_AndSeedingAgainChangesNothing()
    {
        var (exit, output, error) = await GraphCommand.RunAsync("seed", "--patients", "120", "--data", _folder.Path);
        Assert.True(exit == 0, error);
        Assert.Contains("36 datasets", output, StringComparison.Ordinal);

        var (statsExit, json, _) = await GraphCommand.RunAsync("stats", "--data", _folder.Path, "--json");
        Assert.Equal(0, statsExit);
        var stats = JsonNode.Parse(json)!;
        Assert.Equal(120, (int)stats["nodes"]!["Patient"]!);
        Assert.Equal(36, (int)stats["nodes"]!["Dataset"]!);
        Assert.Equal(9, (int)stats["nodes"]!["CancerType"]!);

        var (againExit, again, _) = await GraphCommand.RunAsync("seed", "--patients", "120", "--data", _folder.Path);
        Assert.Equal(0, againExit);
        Assert.Contains("0 nodes and 0 relationships changed", again, StringComparison.Ordinal);
        var (_, json2, _) = await GraphCommand.RunAsync("stats", "--data", _folder.Path, "--json");
        Assert.Equal((long)stats["sequence"]!, (long)JsonNode.Parse(json2)!["sequence"]!);
    }

    [Fact]
    public async Task Stats_NoCatalogue_FailsNamingTheFolder()
    {
        var (exit, _, error) = await GraphCommand.RunAsync("stats", "--data", _folder.File("missing"));
        Assert.Equal(2, exit);
        Assert.Contains("graph.db is missing", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public async Task Seed_BadPatients_FailsWithMessage(string patients)
    {
        var (exit, output, error) = await GraphCommand.RunAsync("seed", "--patients", patients, "--data", _folder.Path);
        Assert.NotEqual(0, exit);
        Assert.Contains("--patients", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("graph.db")));
    }
}
