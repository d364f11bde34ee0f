using Graph.Testing;

namespace Graph.Cli.Tests;

/// <summary>A command line the parser refuses exited 1, the code of work that failed, so a script could not tell a typo from a
/// failed import. Every one exits 2, naming the command and the reason, and does nothing.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("graph keys create", "keys", "create", "--owner", "ops")]
    [InlineData("graph keys revoke", "keys", "revoke")]
    [InlineData("graph access-requests approve", "access-requests", "approve")]
    [InlineData("graph seed", "seed", "--patients", "many")]
    [InlineData("graph", "frobnicate")]
    [InlineData("graph stats", "stats", "--jsn")]
    [InlineData("graph export postgres", "export", "postgres")]
    [InlineData("graph purge", "purge")]
    public async Task CommandLine_TheParserRefuses_ExitsTwoNamingTheCommand(string command, params string[] args)
    {
        var (exit, output, error) = await GraphCommand.RunAsync([.. args, "--data", _folder.Path]);

        Assert.Equal(2, exit);
        Assert.StartsWith(command + ": ", error, StringComparison.Ordinal);
        Assert.Contains($"Run '{command} --help'", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Empty(Directory.EnumerateFiles(_folder.Path));
    }
}
