using System.Text;
using Graph.Api.Tests.Security;
using Graph.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Graph.Api.Tests.Hardening;

/// <summary>Issue 16, point 3: a 401 carried the signing key's thumbprint (bad signature) and the configured issuer (wrong issuer).</summary>
public sealed class UnauthorizedMessageTests : IAsyncLifetime
{
    private readonly GraphService _service = ConfiguredService.Create(TestTokens.Settings());

    public async Task InitializeAsync() => await _service.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Bearer_BadSignature_MessageNamesNoKey()
    {
        var token = TestTokens.Create("admin", key: Encoding.UTF8.GetBytes("another key that is also thirty-two bytes long"));
        var (status, body) = await _service.SendAsync(new { query = "{ datasets { totalCount } }" }, bearer: token);

        Assert.Equal(401, status);
        var message = (string)body["errors"]![0]!["message"]!;
        var key = new SymmetricSecurityKey(TestTokens.Secret);
        Assert.DoesNotContain(Base64UrlEncoder.Encode(key.ComputeJwkThumbprint()), message, StringComparison.Ordinal);
        Assert.DoesNotContain("IDX", message, StringComparison.Ordinal);
        Assert.DoesNotContain("kid", message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("The bearer token's signature is not valid.", message);
    }

    [Fact]
    public async Task Bearer_WrongIssuer_MessageDoesNotEchoTheConfiguredIssuer()
    {
        var (status, body) = await _service.SendAsync(new { query = "{ datasets { totalCount } }" }, bearer: TestTokens.Create("admin", issuer: "https://evil.example.org"));

        Assert.Equal(401, status);
        var message = (string)body["errors"]![0]!["message"]!;
        Assert.DoesNotContain(TestTokens.Issuer, message, StringComparison.Ordinal);
        Assert.DoesNotContain("login.example.org", message, StringComparison.Ordinal);
        Assert.Equal("The bearer token's issuer is not accepted.", message);
    }

    [Fact]
    public async Task Bearer_NotAToken_MessageSaysSoOnly()
    {
        var (status, body) = await _service.SendAsync(new { query = "{ datasets { totalCount } }" }, bearer: "not.a.token");
        Assert.Equal(401, status);
        Assert.Equal("The bearer token is not valid.", (string)body["errors"]![0]!["message"]!);
    }
}
