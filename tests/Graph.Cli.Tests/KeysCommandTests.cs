using Graph.Testing;

namespace Graph.Cli.Tests;

/// <summary><c>graph keys create|list|revoke</c> run as a process against a data folder.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task CreateListRevoke_KeyShownOnceListedWithoutSecretThenRefused()
    {
        var (code, output, _) = await GraphCommand.RunAsync("keys", "create", "--role", "researcher", "--owner", "ana", "--grant", "lung-ct", "--expires", "30d", "--data", _folder.Path);
        Assert.Equal(0, code);
        var secret = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("cig_", StringComparison.Ordinal));
        var store = TestKeys.InDataDirectory(_folder.Path);
        var key = await store.FindAsync(secret, CancellationToken.None);
        Assert.NotNull(key);
        Assert.Equal(("researcher", "ana", "lung-ct"), (key.Role, key.Owner, string.Join(' ', key.Grants)));
        Assert.InRange(key.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));

        var (_, list, _) = await GraphCommand.RunAsync("keys", "list", "--data", _folder.Path);
        Assert.Contains($"{key.Id}\tresearcher\tana\tlung-ct\t", list, StringComparison.Ordinal);
        Assert.Contains("\tactive", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Split('_')[2], list, StringComparison.Ordinal);

        Assert.Equal(0, (await GraphCommand.RunAsync("keys", "revoke", key.Id, "--data", _folder.Path)).ExitCode);
        Assert.NotNull((await store.FindAsync(secret, CancellationToken.None))!.RevokedAt);
        Assert.Contains("\trevoked", (await GraphCommand.RunAsync("keys", "list", "--data", _folder.Path)).Output, StringComparison.Ordinal);
        Assert.Equal(1, (await GraphCommand.RunAsync("keys", "revoke", "000000000000", "--data", _folder.Path)).ExitCode);
    }

    [Theory]
    [InlineData("--role", "superuser")]
    [InlineData("--expires", "2001-01-01")]
    [InlineData("--expires", "soon")]
    public async Task Create_BadOption_ExitsTwoAndSaysWhy(string option, string value)
    {
        var args = new List<string> { "keys", "create", "--role", "researcher", "--owner", "ana", "--data", _folder.Path };
        var at = args.IndexOf(option);
        if (at >= 0)
            args[at + 1] = value;
        else
            args.AddRange([option, value]);
        var (code, _, error) = await GraphCommand.RunAsync([.. args]);
        Assert.Equal(2, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
