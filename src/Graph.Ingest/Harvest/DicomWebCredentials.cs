using System.Net.Http.Headers;
using System.Text;

namespace Graph.Ingest.Harvest;

/// <summary>How the harvester authenticates to a repository: nothing, HTTP Basic, or a bearer token.</summary>
/// <remarks>Credentials come from configuration or a secret file, never from the graph; <see cref="ToString"/> never shows a secret.</remarks>
public sealed class DicomWebCredentials
{
    private readonly string? _username;
    private readonly string? _password;
    private readonly string? _token;

    private DicomWebCredentials(string? username, string? password, string? token)
    {
        _username = username;
        _password = password;
        _token = token;
    }

    /// <summary>No authentication.</summary>
    public static DicomWebCredentials None { get; } = new(null, null, null);

    /// <summary>Whether any credentials are set.</summary>
    public bool IsNone => _username is null && _token is null;

    /// <summary>HTTP Basic authentication.</summary>
    public static DicomWebCredentials Basic(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        if (username.Contains(':', StringComparison.Ordinal))
            throw new ArgumentException("A Basic authentication user name cannot contain ':'.", nameof(username));
        return new DicomWebCredentials(username, password, null);
    }

    /// <summary>A bearer token (OAuth 2.0 access token, API key sent as a bearer token).</summary>
    public static DicomWebCredentials Bearer(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new DicomWebCredentials(null, null, token.Trim());
    }

    /// <summary>Reads a secret file: one line, <c>USER:PASSWORD</c> for Basic or <c>Bearer TOKEN</c>; trailing whitespace is ignored.</summary>
    /// <exception cref="ArgumentException">The file cannot be read or holds neither form; the message names the file only.</exception>
    public static DicomWebCredentials FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8).TrimEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"The credentials file {path} cannot be read ({e.GetType().Name}).", nameof(path), e);
        }

        if (text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && text.Length > 7)
            return Bearer(text[7..]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && !text.Contains('\n', StringComparison.Ordinal))
            return new DicomWebCredentials(text[..colon], text[(colon + 1)..], null);
        throw new ArgumentException($"The credentials file {path} must hold one line, USER:PASSWORD or 'Bearer TOKEN'.", nameof(path));
    }

    /// <summary>The Authorization header to send, or null.</summary>
    internal AuthenticationHeaderValue? Header() =>
        _token is not null ? new AuthenticationHeaderValue("Bearer", _token)
        : _username is not null ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_username}:{_password}")))
        : null;

    /// <summary>Names the kind of authentication only: neither the user name nor a password or token, since messages reach logs and the graph.</summary>
    public override string ToString() =>
        _token is not null ? "bearer token" : _username is not null ? "basic authentication" : "no authentication";
}
