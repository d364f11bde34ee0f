using System.Text.Json.Nodes;

namespace Graph.Api.Tests.Security;

/// <summary>Reading error codes out of GraphQL responses.</summary>
internal static class Responses
{
    public static IReadOnlyList<string> Codes(JsonObject body) =>
        body["errors"]?.AsArray().Select(e => (string?)e!["extensions"]?["code"] ?? "(none)").ToList() ?? [];
}
