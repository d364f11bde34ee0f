using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Domain;

namespace Graph.Store.Neo4j.Tests.Lint;

/// <summary>Runs Neo4j's Cypher front end (npm @neo4j-cypher/language-support, in cypher-lint/) over statements.</summary>
internal static class CypherLinter
{
    /// <summary>The folder with package.json, the lock file and lint.cjs.</summary>
    public static string Directory { get; } = typeof(CypherLinter).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CypherLintDirectory").Value!;

    // After Directory: static initialisers run in text order.
    private static NodeTool Tool { get; } = new(Directory, "@neo4j-cypher/language-support", "lint the adapter's Cypher");

    /// <summary>Labels, relationship types and property keys the statements may name; anything else is a warning.</summary>
    public static JsonObject Schema()
    {
        var labels = GraphModel.NodeKinds.Select(k => k.Label).Concat(["GraphMeta", "GraphChange", "ApiKey", "AccessRequest", Neo4jTestServer.MarkerLabel]);
        var types = GraphModel.Relations.Select(r => r.Type).Distinct();
        var properties = GraphModel.NodeKinds.SelectMany(k => k.Fields.Select(f => f.Name).Append(k.KeyField))
            .Concat(GraphModel.Relations.SelectMany(r => r.Properties.Select(p => p.Name)))
            .Concat(["_seq", "_deleted", "id", "seq", "source", "committedAt", "nodes", "edges", "purgedThrough", "erasedThrough"]) // the store's own nodes
            .Concat(["hash", "role", "owner", "grants", "createdAt", "expiresAt", "revokedAt"]) // API keys
            .Concat(["requester", "version", "body"]) // access requests
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
        var (exit, output, error) = await Tool.RunAsync("node", "lint.cjs", input.ToJsonString(), cancellationToken);
        if (exit != 0)
            throw new InvalidOperationException($"node lint.cjs exited with {exit}: {error}");
        var results = JsonSerializer.Deserialize<List<LintResult>>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return results ?? throw new InvalidOperationException("node lint.cjs printed nothing.");
    }
}
