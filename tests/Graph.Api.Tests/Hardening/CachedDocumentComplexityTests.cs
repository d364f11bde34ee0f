using System.Net.Http.Json;
using Graph.Api.Tests.Security;

namespace Graph.Api.Tests.Hardening;

/// <summary>Issue 16, point 1: a document cached with small variables skipped the complexity limit when sent again with large ones.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class CachedDocumentComplexityTests(CatalogueFactory service)
{
    private const string Query =
        "query B($n: Int) { patients(first: $n) { nodes { series(first: $n) { nodes { patient { datasets(first: $n) { nodes { patients(first: $n) { nodes { pseudonym } } } } } } } } } }";

    [Theory]
    [InlineData("admin")]
    [InlineData("anonymous")]
    public async Task CachedDocument_LargerVariables_RefusedForComplexity(string caller)
    {
        var query = $"{Query} # cached complexity: {caller}";
        using var client = caller == "admin" ? service.CreateClient() : service.CreateAnonymousClient();

        var small = await PostAsync(client, query, 1);
        Assert.Empty(Responses.Codes(small));
        var large = await PostAsync(client, query, 1000);

        Assert.Equal(["COMPLEXITY"], Responses.Codes(large));
        Assert.Null(large["data"]);
    }

    [Fact]
    public async Task CachedDocument_LargeVariablesFirst_RefusedBothTimes()
    {
        var query = $"{Query} # cached complexity: large first";
        using var client = service.CreateClient();
        Assert.Equal(["COMPLEXITY"], Responses.Codes(await PostAsync(client, query, 1000)));
        Assert.Empty(Responses.Codes(await PostAsync(client, query, 1)));
        Assert.Equal(["COMPLEXITY"], Responses.Codes(await PostAsync(client, query, 1000)));
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> PostAsync(HttpClient client, string query, int n)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables = new { n } });
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
