namespace Graph.Api.Security;

/// <summary>Credentials the service refuses, with a reason that is safe to tell the client (it names no key, issuer or secret).</summary>
internal sealed class CredentialRejectedException(string message) : Exception(message);
