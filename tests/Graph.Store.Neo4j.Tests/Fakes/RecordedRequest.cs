using System.Text.Json;

namespace Graph.Store.Neo4j.Tests.Fakes;

/// <summary>A request the fake Query API received, with the parts tests look at.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string Path, string? Body, string? Authorization, string? Accept, string? ContentType, string? Affinity)
{
    /// <summary>The Cypher statement of the body, if any.</summary>
    public string? Statement => Body is null ? null : Parse().TryGetProperty("statement", out var s) ? s.GetString() : null;

    /// <summary>A parameter of the body as raw typed JSON.</summary>
    public JsonElement Parameter(string name) => Parse().GetProperty("parameters").GetProperty(name);

    /// <summary>Whether the request runs this statement.</summary>
    public bool Runs(CypherStatement statement) => Statement == statement.Text;

    private JsonElement Parse() => JsonDocument.Parse(Body!).RootElement.Clone();

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}";
}
