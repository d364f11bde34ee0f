using Microsoft.IdentityModel.Tokens;

namespace Graph.Api.Security;

/// <summary>What a client is told about credentials the service refused, and requests that carry credentials no handler could use.</summary>
internal static class AuthenticationFailures
{
    /// <summary>A reason for the client: our own reasons as they are, bearer token failures by kind only.</summary>
    /// <remarks>The token library's messages name the keys it tried (their JWK thumbprints, which let anyone test guesses of a
    /// weak HMAC key offline) and the issuer and audience it expected; none of that reaches the client (issue 16, point 3).</remarks>
    public static string PublicReason(Exception failure) => failure switch
    {
        CredentialRejectedException rejected => rejected.Message,
        SecurityTokenExpiredException => "The bearer token expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenInvalidIssuerException => "The bearer token's issuer is not accepted.",
        SecurityTokenInvalidAudienceException => "The bearer token's audience is not accepted.",
        SecurityTokenInvalidSignatureException or SecurityTokenInvalidSigningKeyException => "The bearer token's signature is not valid.",
        SecurityTokenInvalidAlgorithmException => "The bearer token's signing algorithm is not accepted.",
        _ => "The bearer token is not valid.",
    };

    /// <summary>Why a request that no handler authenticated still carries credentials (a blank key, a bearer scheme without a
    /// token, an unknown scheme); null when it carries none and is anonymous.</summary>
    public static string? UnusableCredentials(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeyAuthenticationHandler.Header, out var key) && string.IsNullOrWhiteSpace(key.ToString()))
            return $"The {ApiKeyAuthenticationHandler.Header} header is empty.";
        if (!request.Headers.TryGetValue("Authorization", out var values))
            return null;
        var authorization = values.ToString().Trim();
        if (authorization.Length == 0)
            return "The Authorization header is empty.";
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? authorization : authorization[..space];
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || scheme.Equals(ApiKeyAuthenticationHandler.SchemeName, StringComparison.OrdinalIgnoreCase))
            return $"The Authorization header names {scheme} but carries no credentials.";
        return "The Authorization header's scheme is not accepted: send an API key (X-Api-Key, or Authorization: ApiKey KEY) or a bearer token.";
    }
}
