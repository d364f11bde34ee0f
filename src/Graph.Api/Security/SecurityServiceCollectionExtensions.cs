using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.RateLimiting;
using Graph.Api.Hosting;
using Graph.Api.Schema.Execution;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Graph.Api.Security;

/// <summary>Registers authentication (API keys, bearer tokens), rate limits, trusted documents and the audit log.</summary>
internal static class SecurityServiceCollectionExtensions
{
    private const string PolicyScheme = "catalogue";

    public static IServiceCollection AddCatalogueSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Authentication registers data protection, whose key ring is made at start and written under HOME unencrypted (a warning on
        // every new machine); the service protects nothing with it (no cookies, no antiforgery), so its keys stay in memory.
        services.AddDataProtection();
        services.Configure<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new InMemoryKeyRepository();
            o.XmlEncryptor = new NullXmlEncryptor();
        });
        services.AddSingleton<TrustedDocuments>();
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<FailedCredentialLimiter>();

        var jwt = configuration.GetSection(JwtSettings.Section).Get<JwtSettings>() ?? new JwtSettings();
        var authentication = services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                jwt.IsConfigured && context.Request.Headers.Authorization.ToString().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt.IsConfigured)
        {
            authentication.AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Authority = string.IsNullOrEmpty(jwt.Authority) ? null : jwt.Authority;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = jwt.Issuer is not null,
                    ValidIssuer = jwt.Issuer,
                    ValidateAudience = jwt.Audience is not null,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKeys = SigningKeys(jwt),
                    RoleClaimType = Caller.RoleClaim,
                    NameClaimType = "sub",
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                o.Events = new JwtBearerEvents { OnTokenValidated = CheckClaims };
            });
        }

        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            o.OnRejected = (context, token) => RefuseRateLimitedAsync(context.HttpContext);
        });
        return services;
    }

    /// <summary>Authenticates every request once: bad credentials get 401 (429 once an address sent too many), none leave the caller
    /// anonymous; then applies rate limits.</summary>
    public static WebApplication UseCatalogueSecurity(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var failures = context.RequestServices.GetRequiredService<FailedCredentialLimiter>();
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var credentials = context.Request.Headers.TryGetValue(ApiKeyAuthenticationHandler.Header, out var key) || context.Request.Headers.TryGetValue("Authorization", out key)
                ? key.ToString()
                : null;
            if (credentials is not null && failures.IsRefused(address, credentials))
            {
                await RefuseTooManyFailuresAsync(context);
                return;
            }

            var result = await context.AuthenticateAsync(PolicyScheme);
            var reason = result.Failure is { } failure ? AuthenticationFailures.PublicReason(failure)
                : result.Principal is null ? AuthenticationFailures.UnusableCredentials(context.Request)
                : null;
            if (reason is not null)
            {
                if (!failures.TryCountFailure(address))
                {
                    await RefuseTooManyFailuresAsync(context);
                    return;
                }

                context.Response.Headers.WWWAuthenticate = "ApiKey, Bearer";
                await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, reason);
                return;
            }

            if (result.Principal is { } principal)
            {
                await AccessRequestGrants.AddAsync(principal, context.RequestServices.GetRequiredService<Graph.Store.Access.AccessRequests>(), context.RequestAborted);
                context.User = principal;
                if (credentials is not null)
                    failures.Succeeded(credentials);
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static Task RefuseTooManyFailuresAsync(HttpContext context)
    {
        context.RequestServices.GetRequiredService<Observability.ServiceMetrics>().RateLimited("credentials");
        context.Response.Headers.RetryAfter = "60";
        return WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, RateLimitedCode,
            "Too many refused credentials from this address; retry after a minute (Graph:Limits:FailedCredentialsPerMinutePerAddress).");
    }

    // A role claim is taken only when it names one role exactly; Enum.TryParse took "4" for admin and "researcher,partner" for curator.
    // The subject is who owns cohorts and holds approved grants: a token without one was the caller "unknown", shared by every such
    // token, and one whose subject is "key:ID" was that API key's owner (its cohorts and grants), since key callers are named so.
    private static Task CheckClaims(TokenValidatedContext context)
    {
        var roles = context.Principal?.FindAll(Caller.RoleClaim).Concat(context.Principal.FindAll(System.Security.Claims.ClaimTypes.Role)).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (roles.Count > 1 || (roles.Count == 1 && Caller.ParseRole(roles[0]) is null))
            context.Fail(new CredentialRejectedException($"The bearer token's role claim must be exactly one of {string.Join(", ", Caller.RoleNames)}."));
        else if (Caller.SubjectRule(Caller.Subject(context.Principal)) is { } rule)
            context.Fail(new CredentialRejectedException($"The bearer token's subject (its 'sub' claim) {rule}."));
        return Task.CompletedTask;
    }

    /// <summary>The code of a request beyond the caller's rate limit.</summary>
    public const string RateLimitedCode = "RATE_LIMITED";

    /// <summary>What a request beyond the caller's rate limit is told.</summary>
    public const string RateLimitedMessage =
        "Too many requests; slow down and retry after a second (Graph:Limits:RequestsPerSecondPerAddress / PerKey; a GraphQL request costs one per root field).";

    /// <summary>Draws <paramref name="permits"/> more tokens from the caller's rate limit, for a request that costs more than the
    /// one token its arrival drew (a GraphQL request costs one per root field: thirty aliased previews in each of ten batched
    /// operations were three hundred answers for one token), at most a full bucket.</summary>
    /// <returns>Whether the bucket held them (always, when the caller has no limit).</returns>
    public static bool TryCharge(HttpContext context, int permits)
    {
        if (permits <= 0)
            return true;
        var (_, perSecond) = Budget(context);
        if (perSecond <= 0 || context.RequestServices.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter is not { } limiter)
            return true;
        using var lease = limiter.AttemptAcquire(context, Math.Min(permits, (perSecond * 2) - 1));
        return lease.IsAcquired;
    }

    /// <summary>Answers 429 (<c>RATE_LIMITED</c>, <c>Retry-After: 1</c>) to a request beyond the caller's rate limit.</summary>
    public static async ValueTask RefuseRateLimitedAsync(HttpContext context)
    {
        context.RequestServices.GetRequiredService<Observability.ServiceMetrics>().RateLimited("requests");
        context.Response.Headers.RetryAfter = "1";
        await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, RateLimitedCode, RateLimitedMessage);
    }

    /// <summary>Who a request counts against for limits: its client address for anonymous callers, else its key or token subject.</summary>
    public static string LimitKey(HttpContext context) => Budget(context).Key;

    // Which bucket a request draws from, and how many tokens a second it gets (0: none, no limit).
    private static (string Key, int PerSecond) Budget(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
            return ("health", 0);
        var limits = context.RequestServices.GetRequiredService<IOptions<ServiceLimits>>().Value;
        var caller = Caller.From(context.User);
        return caller.Role == CatalogRole.Anonymous
            ? ("address:" + context.Connection.RemoteIpAddress, limits.RequestsPerSecondPerAddress)
            : ("caller:" + caller.Id, limits.RequestsPerSecondPerKey);
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var (key, perSecond) = Budget(context);
        if (perSecond <= 0)
            return RateLimitPartition.GetNoLimiter("unlimited");
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond * 2,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static List<SecurityKey> SigningKeys(JwtSettings jwt)
    {
        var keys = new List<SecurityKey>();
        foreach (var text in jwt.SigningKeys)
        {
            var bytes = Convert.FromBase64String(text);
            if (bytes.Length < 32)
                throw new InvalidOperationException($"{JwtSettings.Section}:SigningKeys: a symmetric key must have at least 32 bytes; one has {bytes.Length}.");
            keys.Add(new SymmetricSecurityKey(bytes));
        }

        foreach (var entry in jwt.PublicKeys)
            keys.Add(PublicKey(File.Exists(entry) ? File.ReadAllText(entry) : entry));
        return keys;
    }

    private static SecurityKey PublicKey(string pem)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        return new ECDsaSecurityKey(ec);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code } } } }));
    }
}
