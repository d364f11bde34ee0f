using System.Net.Http.Json;
using Graph.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Graph.Api.Tests.Hardening;

/// <summary>Issue 16, point 8: nosniff only on explorer pages, GraphQL answers and manifests (which carry pseudonyms) cacheable, no Referrer-Policy, Server: Kestrel.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class SecurityHeaderTests(CatalogueFactory service)
{
    [Fact]
    public async Task GraphQLPost_Answer_IsNotStoredNorSniffed()
    {
        using var client = service.CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = "{ patients(first: 2) { nodes { pseudonym } } }" });
        AssertPrivate(response);
    }

    [Fact]
    public async Task GraphQLGet_Answer_IsNotStoredNorSniffed()
    {
        using var client = service.CreateClient();
        using var response = await client.GetAsync(new Uri("/graphql?query=%7B%20patients(first%3A%202)%20%7B%20nodes%20%7B%20pseudonym%20%7D%20%7D%20%7D", UriKind.Relative));
        AssertPrivate(response);
    }

    [Fact]
    public async Task Refusals_401And400_AreNotStoredNorSniffed()
    {
        using var anonymous = service.CreateAnonymousClient();
        anonymous.DefaultRequestHeaders.Add(TestKeys.Header, "not a key");
        using var unauthorized = await anonymous.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = "{ datasets { totalCount } }" });
        Assert.Equal(401, (int)unauthorized.StatusCode);
        AssertPrivate(unauthorized);
    }

    [Fact]
    public async Task Manifest_IsNotStoredNorSniffed()
    {
        var id = (string)(await service.DataAsync("""mutation { saveCohort(input: { name: "headers", criteria: { patients: { sex: { eq: "F" } } } }) { cohortId } }"""))["saveCohort"]!["cohortId"]!;
        using var client = service.CreateClient();
        using var response = await client.GetAsync(new Uri($"/cohorts/{id}/manifest?format=csv", UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        AssertPrivate(response);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/catalog/dcat")]
    [InlineData("/graphql/bcp-config.json")]
    public async Task EveryResponse_IsNotSniffedAndSendsNoReferrer(string path)
    {
        using var client = service.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public void Kestrel_SendsNoServerHeader() =>
        Assert.False(service.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);

    private static void AssertPrivate(HttpResponseMessage response)
    {
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"Cache-Control: {response.Headers.CacheControl}");
    }
}
