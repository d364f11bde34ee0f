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

    [Fact]
    public async Task CachedDocument_DirectiveByVariable_RefusedWhenItAddsTheCostlyPart()
    {
        // No list size is a variable here, but @include(if: $deep) decides whether the costly part is there.
        const string query = """
            query D($deep: Boolean!) { patients(first: 1000) { nodes { pseudonym series(first: 1000) @include(if: $deep) { nodes { patient {
              datasets(first: 1000) { nodes { patients(first: 1000) { nodes { pseudonym } } } } } } } } } } # cached complexity: directive
            """;
        using var client = service.CreateClient();

        Assert.Empty(Responses.Codes(await PostAsync(client, query, new { deep = false })));
        Assert.Equal(["COMPLEXITY"], Responses.Codes(await PostAsync(client, query, new { deep = true })));
    }

    [Fact]
    public async Task CachedDocumentOfTwoOperations_CostlyOneByName_RefusedAfterTheCheapOneRan()
    {
        // No variables: which operation runs, and so what it costs, is the request's operationName.
        const string query = """
            query Cheap { datasets(first: 1) { totalCount } }
            query Costly { patients(first: 1000) { nodes { series(first: 1000) { nodes { patient { datasets(first: 1000) { nodes {
              patients(first: 1000) { nodes { pseudonym } } } } } } } } } } # cached complexity: two operations
            """;
        using var client = service.CreateClient();

        Assert.Empty(Responses.Codes(await PostAsync(client, query, new { }, "Cheap")));
        Assert.Empty(Responses.Codes(await PostAsync(client, query, new { }, "Cheap")));
        Assert.Equal(["COMPLEXITY"], Responses.Codes(await PostAsync(client, query, new { }, "Costly")));
    }

    private static Task<System.Text.Json.Nodes.JsonObject> PostAsync(HttpClient client, string query, int n) => PostAsync(client, query, new { n });

    private static async Task<System.Text.Json.Nodes.JsonObject> PostAsync(HttpClient client, string query, object variables, string? operationName = null)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables, operationName });
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
