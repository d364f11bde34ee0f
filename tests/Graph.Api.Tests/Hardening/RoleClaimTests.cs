using System.Security.Claims;
using Graph.Api.Security;
using Graph.Api.Tests.Security;
using Graph.Testing;

namespace Graph.Api.Tests.Hardening;

/// <summary>Issue 16, point 2: the role claim went through Enum.TryParse, so "researcher,partner" was a curator and "4" an admin.</summary>
public sealed class RoleClaimTests : IAsyncLifetime
{
    private const string AdminOnly = """mutation { addRepository(input: { slug: "role-claim", name: "Role claim", baseUrl: "http://127.0.0.1:9/dicom-web" }) { slug } }""";

    private readonly GraphService _service = ConfiguredService.Create(TestTokens.Settings());

    public async Task InitializeAsync() => await _service.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("researcher,partner")]
    [InlineData("3")]
    [InlineData("4")]
    [InlineData(" admin ")]
    [InlineData("Admin")]
    [InlineData("admin,")]
    [InlineData("curator admin")]
    public void CallerFrom_RoleNotSpelledExactly_IsNoRole(string role)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "user-42"), new Claim("role", role)], "test"));
        Assert.Equal(CatalogRole.Anonymous, Caller.From(user).Role);
    }

    [Theory]
    [InlineData("researcher", CatalogRole.Researcher)]
    [InlineData("partner", CatalogRole.Partner)]
    [InlineData("curator", CatalogRole.Curator)]
    [InlineData("admin", CatalogRole.Admin)]
    public void CallerFrom_RoleName_GivesThatRole(string role, CatalogRole expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "user-42"), new Claim("role", role)], "test"));
        Assert.Equal(expected, Caller.From(user).Role);
    }

    [Theory]
    [InlineData("researcher,partner")]
    [InlineData("3")]
    [InlineData("4")]
    [InlineData(" admin ")]
    public async Task Bearer_RoleNotSpelledExactly_Is401AndRunsNothing(string role)
    {
        var (status, body) = await _service.SendAsync(new { query = AdminOnly }, bearer: TestTokens.Create(role));
        Assert.Equal(401, status);
        Assert.Equal(["UNAUTHENTICATED"], Responses.Codes(body));
        Assert.Contains("role", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }
}
