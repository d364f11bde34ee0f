namespace Graph.Store.Access;

/// <summary>An API key as stored: everything but the secret, which is kept only as a hash.</summary>
public sealed record ApiKey(string Id, string Role, string Owner, IReadOnlyList<string> Grants, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    /// <summary>The roles a key can carry (anonymous needs no key).</summary>
    public static IReadOnlyList<string> Roles { get; } = ["researcher", "partner", "curator", "admin"];

    /// <summary>Whether the key may be used at <paramref name="now"/>.</summary>
    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
