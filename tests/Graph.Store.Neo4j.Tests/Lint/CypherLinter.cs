using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Domain;

namespace Graph.Store.Neo4j.Tests.Lint;

/// <summary>Runs Neo4j's Cypher front end (npm @neo4j-cypher/language-support, in cypher-lint/) over statements.</summary>
internal static class CypherLinter
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The folder with package.json, the lock file and lint.cjs.</summary>
    public static string Directory { get; } = typeof(CypherLinter).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CypherLintDirectory").Value!;

    /// <summary>Labels, relationship types and property keys the statements may name; anything else is a warning.</summary>
    public static JsonObject Schema()
    {
        var labels = GraphModel.NodeKinds.Select(k => k.Label).Concat(["GraphMeta", "GraphChange", "ApiKey", Neo4jTestServer.MarkerLabel]);
        var types = GraphModel.Relations.Select(r => r.Type).Distinct();
        var properties = GraphModel.NodeKinds.SelectMany(k => k.Fields.Select(f => f.Name).Append(k.KeyField))
            .Concat(GraphModel.Relations.SelectMany(r => r.Properties.Select(p => p.Name)))
            .Concat(["_seq", "_deleted", "id", "seq", "source", "committedAt", "nodes", "edges"]) // the store's own nodes
            .Concat(["hash", "role", "owner", "grants", "createdAt", "expiresAt", "revokedAt"]) // API keys
            .Concat(["key", "props", "i", "from", "to"]) // the fields of the rows the adapter sends
            .Distinct();
        return new JsonObject
        {
            ["labels"] = new JsonArray([.. labels.Select(l => JsonValue.Create(l))]),
            ["relationshipTypes"] = new JsonArray([.. types.Select(t => JsonValue.Create(t))]),
            ["propertyKeys"] = new JsonArray([.. properties.Select(p => JsonValue.Create(p))]),
            ["defaultLanguage"] = "CYPHER 5",
        };
    }

    /// <summary>Lints every statement in one node process.</summary>
    public static async Task<IReadOnlyList<LintResult>> LintAsync(IEnumerable<CypherStatement> statements, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        var input = new JsonObject
        {
            ["schema"] = Schema(),
            ["statements"] = new JsonArray([.. statements.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["text"] = s.Text,
                ["parameters"] = JsonSerializer.SerializeToNode(s.SampleParameters),
            })]),
        };
        var (exit, output, error) = await RunAsync("node", "lint.cjs", input.ToJsonString(), cancellationToken);
        if (exit != 0)
            throw new InvalidOperationException($"node lint.cjs exited with {exit}: {error}");
        var results = JsonSerializer.Deserialize<List<LintResult>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return results ?? throw new InvalidOperationException("node lint.cjs printed nothing.");
    }

    private static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(Path.Combine(Directory, "node_modules", "@neo4j-cypher", "language-support", "package.json")))
                return;

            // CI machines start clean and the build may have run without npm; install from the lock file now.
            var (exit, _, error) = await RunAsync("npm", "ci --no-audit --no-fund", null, cancellationToken);
            if (exit != 0)
                throw new InvalidOperationException($"npm ci in {Directory} failed ({exit}): {error}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, string arguments, string? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} was not found: install Node.js and npm (Debian: apt-get install nodejs npm) to lint the adapter's Cypher.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            if (input is not null)
                await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, await output, await error);
        }
    }
}
