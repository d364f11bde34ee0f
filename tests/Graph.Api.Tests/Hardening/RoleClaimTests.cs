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

    /// <summary>Review, medium: a token's subject is who owns cohorts and holds approved grants. A token whose subject was
    /// "key:ID" (an API key's name, shown as the owner of its shared cohorts) read that key's grants and took over its cohorts,
    /// and every token without a subject was one caller, "unknown". Such tokens are refused, naming the rule.</summary>
    [Fact]
    public async Task Bearer_SubjectOfAnApiKey_Is401_TheKeysCohortsUntouched()
    {
        var alice = await TestKeys.CreateAsync(_service.DataDirectory, "researcher");
        var (_, saved) = await _service.SendAsync(new { query = """mutation { saveCohort(input: { name: "alice's", visibility: PUBLIC, criteria: {} }) { cohortId owner } }""" }, alice);
        var owner = (string)saved["data"]!["saveCohort"]!["owner"]!;
        Assert.StartsWith("key:", owner, StringComparison.Ordinal);

        // Also look-alikes a second review found: control and invisible characters (a newline forged a log line, a zero-width
        // space made a key's id), a fullwidth colon, and "system", which names the service in access-request histories.
        var lookAlikes = new[] { "bob\n[17:59:00 INF] Audit " + owner + " (admin) mutation", "\u200b" + owner, "key\u200b" + owner[3..], "key\uff1a" + owner[4..], "anonymous\u0000", "system", "SYSTEM" };
        foreach (var subject in new[] { owner, owner.ToUpperInvariant(), "cli:operator", "anonymous", "unknown", " ", "user-42 " }.Concat(lookAlikes))
        {
            var (status, body) = await _service.SendAsync(new { query = "{ cohorts { nodes { cohortId owner } } }" }, bearer: TestTokens.Create("researcher", subject: subject));
            Assert.Equal(401, status);
            Assert.Equal(["UNAUTHENTICATED"], Responses.Codes(body));
            Assert.Contains("subject", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
        }

        var (missing, refused) = await _service.SendAsync(new { query = "{ cohorts { nodes { cohortId } } }" }, bearer: TestTokens.Create("researcher", subject: null));
        Assert.Equal(401, missing);
        Assert.Equal(["UNAUTHENTICATED"], Responses.Codes(refused));
        Assert.Contains("subject", (string)refused["errors"]![0]!["message"]!, StringComparison.Ordinal);

        var id = (string)saved["data"]!["saveCohort"]!["cohortId"]!;
        var (_, takeover) = await _service.SendAsync(new { query = $$"""mutation { updateCohort(input: { id: "{{id}}", name: "taken over" }) { name } }""" }, bearer: TestTokens.Create("researcher", subject: "user-42"));
        Assert.Equal(["FORBIDDEN"], Responses.Codes(takeover));
    }
}
