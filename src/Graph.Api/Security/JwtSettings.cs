namespace Graph.Api.Security;

/// <summary>How bearer tokens are checked (configuration section Graph:Security:Jwt); tokens are refused when neither keys nor an authority are set.</summary>
public sealed class JwtSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph:Security:Jwt";

    /// <summary>The issuer tokens must name (iss).</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience tokens must name (aud).</summary>
    public string? Audience { get; set; }

    /// <summary>Symmetric signing keys (HS256), base64; at least 32 bytes each.</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>RSA or EC public keys in PEM (RS256, ES256 ...), the text or a file path.</summary>
    public List<string> PublicKeys { get; set; } = [];

    /// <summary>An OpenID Connect authority whose published keys are trusted (needs network access to it).</summary>
    public string? Authority { get; set; }

    /// <summary>Whether bearer tokens can be checked at all.</summary>
    public bool IsConfigured => SigningKeys.Count > 0 || PublicKeys.Count > 0 || !string.IsNullOrEmpty(Authority);
}
