using System.Text.Json.Nodes;
using Graph.Api.Tests.Security;
using Graph.Testing;

namespace Graph.Api.Tests.Hardening;

/// <summary>Issue 16, point 6: an empty <c>Authorization: Bearer </c> header was served as anonymous (200) instead of refused.</summary>
public sealed class EmptyBearerTests : IAsyncLifetime
{
    private readonly GraphService _withTokens = ConfiguredService.Create(TestTokens.Settings());
    private readonly GraphService _withoutTokens = ConfiguredService.Create(new Dictionary<string, string>());

    public async Task InitializeAsync() => await Task.WhenAll(_withTokens.StartAsync(), _withoutTokens.StartAsync());

    public async Task DisposeAsync()
    {
        await _withTokens.DisposeAsync();
        await _withoutTokens.DisposeAsync();
    }

    [Theory]
    [InlineData("Bearer ", true)]
    [InlineData("Bearer", true)]
    [InlineData("Bearer    ", true)]
    [InlineData("Bearer ", false)]
    [InlineData("Bearer", false)]
    [InlineData("ApiKey ", false)]
    [InlineData("Basic dXNlcjpwYXNz", false)]
    public async Task Authorization_WithoutUsableCredentials_Is401(string header, bool tokensConfigured)
    {
        using var client = (tokensConfigured ? _withTokens : _withoutTokens).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent("""{"query":"{ datasets { totalCount } }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        Assert.True(request.Headers.TryAddWithoutValidation("Authorization", header));

        using var response = await client.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["UNAUTHENTICATED"], Responses.Codes(body));
    }

    [Fact]
    public async Task NoAuthorization_IsAnonymous()
    {
        var (status, body) = await _withTokens.SendAsync(new { query = "{ datasets { totalCount } }" });
        Assert.Equal(200, status);
        Assert.Empty(Responses.Codes(body));
    }
}
