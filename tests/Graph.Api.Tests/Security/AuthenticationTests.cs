using System.Security.Claims;
using System.Text;
using Graph.Store.Access;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Graph.Api.Tests.Security;

/// <summary>API keys and bearer tokens: good credentials give their role and grants, bad ones a 401 that says why.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string Issuer = "https://login.example.org";
    private const string Audience = "cancer-imaging-graph";
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("a test signing key of at least thirty-two bytes!");

    private readonly GraphService _service = ConfiguredService.Create(new Dictionary<string, string>
    {
        ["Graph:Security:Jwt:Issuer"] = Issuer,
        ["Graph:Security:Jwt:Audience"] = Audience,
        ["Graph:Security:Jwt:SigningKeys:0"] = Convert.ToBase64String(Secret),
    });

    private const string Mutation = """mutation { addRepository(input: { slug: "auth-repo", name: "Auth", baseUrl: "http://127.0.0.1:9/dicom-web" }) { slug } }""";

    public async Task InitializeAsync() => await _service.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task ApiKey_Valid_GivesItsRole()
    {
        var (_, secret) = await Keys.CreateAsync("curator", "tests", [], null, CancellationToken.None);
        var (status, body) = await _service.SendAsync(new { query = Mutation }, key: secret);
        Assert.Equal(200, status);
        Assert.Empty(Responses.Codes(body));
        Assert.Equal("auth-repo", (string?)body["data"]!["addRepository"]!["slug"]);
    }

    [Fact]
    public async Task ApiKey_Revoked_Is401WithReason()
    {
        var (key, secret) = await Keys.CreateAsync("admin", "tests", [], null, CancellationToken.None);
        Assert.Equal(200, (await _service.SendAsync(new { query = "{ datasets { totalCount } }" }, key: secret)).Status);
        Assert.True(await Keys.RevokeAsync(key.Id, CancellationToken.None));
        var (status, body) = await _service.SendAsync(new { query = "{ datasets { totalCount } }" }, key: secret);
        Assert.Equal(401, status);
        Assert.Equal(["UNAUTHENTICATED"], Responses.Codes(body));
        Assert.Contains("revoked", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKey_ExpiredOrUnknown_Is401()
    {
        var (_, expired) = await Keys.CreateAsync("admin", "tests", [], DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None);
        Assert.Equal(401, (await _service.SendAsync(new { query = "{ datasets { totalCount } }" }, key: expired)).Status);
        Assert.Equal(401, (await _service.SendAsync(new { query = "{ datasets { totalCount } }" }, key: "cig_000000000000_" + new string('0', 64))).Status);
        Assert.Equal(401, (await _service.SendAsync(new { query = "{ datasets { totalCount } }" }, key: "not a key")).Status);
    }

    [Fact]
    public async Task ApiKeyStore_KeepsOnlyAHashOfTheSecret()
    {
        var (_, secret) = await Keys.CreateAsync("researcher", "tests", [], null, CancellationToken.None);
        var file = File.ReadAllBytes(Path.Combine(_service.DataDirectory, "access.db"));
        var secretPart = secret.Split('_')[2];
        Assert.DoesNotContain(secretPart, Encoding.ASCII.GetString(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bearer_ValidToken_GivesRoleAndGrants()
    {
        var (status, body) = await _service.SendAsync(new { query = Mutation.Replace("auth-repo", "jwt-repo", StringComparison.Ordinal) }, bearer: Token("curator"));
        Assert.Equal(200, status);
        Assert.Empty(Responses.Codes(body));

        var (_, researcher) = await _service.SendAsync(new { query = Mutation }, bearer: Token("researcher"));
        Assert.Equal(["FORBIDDEN"], Responses.Codes(researcher));
    }

    [Fact]
    public async Task Bearer_GrantClaim_OpensRestrictedDataset()
    {
        const string query = """{ datasets(first: 100, where: { accessTier: { eq: "restricted" } }) { nodes { slug patients { totalCount } } } }""";
        var (_, admin) = await _service.SendAsync(new { query }, key: (await Keys.CreateAsync("admin", "tests", [], null, CancellationToken.None)).Secret);
        var dataset = admin["data"]!["datasets"]!["nodes"]!.AsArray().First(d => (int)d!["patients"]!["totalCount"]! > 0)!;
        var slug = (string)dataset["slug"]!;
        var (_, without) = await _service.SendAsync(new { query }, bearer: Token("researcher"));
        var (_, with) = await _service.SendAsync(new { query }, bearer: Token("researcher", slug));
        int Patients(System.Text.Json.Nodes.JsonObject body) => (int)body["data"]!["datasets"]!["nodes"]!.AsArray().First(d => (string)d!["slug"]! == slug)!["patients"]!["totalCount"]!;
        Assert.Equal(0, Patients(without));
        Assert.Equal((int)dataset["patients"]!["totalCount"]!, Patients(with));
    }

    [Theory]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData("expired")]
    [InlineData("signature")]
    public async Task Bearer_BadToken_Is401(string fault)
    {
        var token = fault switch
        {
            "issuer" => Token("admin", issuer: "https://evil.example.org"),
            "audience" => Token("admin", audience: "someone-else"),
            "expired" => Token("admin", expires: DateTime.UtcNow.AddMinutes(-10)),
            _ => Token("admin", key: Encoding.UTF8.GetBytes("another key that is also thirty-two bytes long")),
        };
        var (status, body) = await _service.SendAsync(new { query = "{ datasets { totalCount } }" }, bearer: token);
        Assert.Equal(401, status);
        Assert.Equal(["UNAUTHENTICATED"], Responses.Codes(body));
    }

    // The service's own keys: a key created or revoked through them counts from the next request.
    private ApiKeys Keys => _service.Services.GetRequiredService<ApiKeys>();

    private static string Token(string role, string? grant = null, string issuer = Issuer, string audience = Audience, DateTime? expires = null, byte[]? key = null)
    {
        var claims = new List<Claim> { new("sub", "user-42"), new("role", role) };
        if (grant is not null)
            claims.Add(new Claim("datasets", grant));
        var notBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Secret), SecurityAlgorithms.HmacSha256),
        });
    }
}
