using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Graph.Api.Tests.Hardening;

/// <summary>Bearer tokens signed with a test key, and the service settings that trust them.</summary>
internal static class TestTokens
{
    public const string Issuer = "https://login.example.org";
    public const string Audience = "cancer-imaging-graph";
    public static readonly byte[] Secret = Encoding.UTF8.GetBytes("a test signing key of at least thirty-two bytes!");

    public static Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Graph:Security:Jwt:Issuer"] = Issuer,
            ["Graph:Security:Jwt:Audience"] = Audience,
            ["Graph:Security:Jwt:SigningKeys:0"] = Convert.ToBase64String(Secret),
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    public static string Create(string role, string issuer = Issuer, byte[]? key = null, string? subject = "user-42")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(subject is null ? [new Claim("role", role), new Claim("email", "someone@example.org")] : [new Claim("sub", subject), new Claim("role", role)]),
            NotBefore = now.AddMinutes(-5),
            IssuedAt = now.AddMinutes(-5),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Secret), SecurityAlgorithms.HmacSha256),
        });
    }
}
