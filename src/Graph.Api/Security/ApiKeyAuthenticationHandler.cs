using System.Security.Claims;
using System.Text.Encodings.Web;
using Graph.Store;
using Graph.Store.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Graph.Api.Security;

/// <summary>Authenticates requests that carry an API key (X-Api-Key header, or Authorization: ApiKey KEY).</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeys keys,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var text = Request.Headers[Header].ToString();
        var authorization = Request.Headers.Authorization.ToString();
        if (text.Length == 0 && authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
            text = authorization[(SchemeName.Length + 1)..].Trim();
        if (text.Length == 0)
        {
            return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > "Bearer ".Length && authorization[7..].Trim().Length > 0
                ? AuthenticateResult.Fail(new CredentialRejectedException("Bearer tokens are not accepted: the service has no token settings (Graph:Security:Jwt)."))
                : AuthenticateResult.NoResult();
        }

        ApiKey? key;
        try
        {
            key = await keys.FindAsync(text, Context.RequestAborted).ConfigureAwait(false);
        }
        catch (GraphStoreException e)
        {
            return AuthenticateResult.Fail(new CredentialRejectedException($"The API key store cannot be read ({e.Reason ?? (e.IsTransient ? "try again" : "unavailable")}); keys cannot be checked."));
        }

        if (key is null)
            return AuthenticateResult.Fail(new CredentialRejectedException("The API key is not known."));
        if (key.RevokedAt is not null)
            return AuthenticateResult.Fail(new CredentialRejectedException($"The API key {key.Id} was revoked."));
        if (!key.IsValidAt(clock.GetUtcNow()))
            return AuthenticateResult.Fail(new CredentialRejectedException($"The API key {key.Id} expired."));

        var claims = new List<Claim>
        {
            new("sub", "key:" + key.Id),
            new(ClaimTypes.Name, key.Owner),
            new(Caller.RoleClaim, key.Role),
        };
        claims.AddRange(key.Grants.Select(g => new Claim(Caller.GrantClaim, g)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}
