using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Graph.Browser.Tests;

/// <summary>Asks the service's GraphQL API directly, to check what the explorer shows against it.</summary>
internal static class ServiceApi
{
    /// <summary>The administrator's key the fixture created; the explorer under test is signed in with it too.</summary>
    public static string? ApiKey { get; set; }

    /// <summary>Runs a query that must succeed and returns its data; <paramref name="anonymous"/> sends no key, as a signed-out visitor,
    /// and <paramref name="key"/> sends that key instead of the administrator's.</summary>
    public static async Task<JsonNode> DataAsync(Uri baseUrl, string query, object? variables = null, bool anonymous = false, string? key = null)
    {
        using var http = new HttpClient();
        if ((key ?? ApiKey) is { } sent && !anonymous)
            http.DefaultRequestHeaders.Add(Graph.Testing.TestKeys.Header, sent);
        using var response = await http.PostAsJsonAsync(new Uri(baseUrl, "/graphql"), new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, $"The API answered errors: {body["errors"]?.ToJsonString()}");
        return body["data"]!;
    }

    /// <summary>Counts per value of a facet in an API answer.</summary>
    public static Dictionary<string, int> Counts(JsonNode facet) =>
        facet["values"]!.AsArray().ToDictionary(v => (string)v!["value"]!, v => (int)v!["count"]!);
}
