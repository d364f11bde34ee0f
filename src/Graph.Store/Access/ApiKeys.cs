using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Graph.Store.Access;

/// <summary>API keys over an access store: random secrets shown once and kept as SHA-256 hashes, with a short-lived cache of look-ups.</summary>
/// <remarks>
/// A key reads <c>cig_&lt;id&gt;_&lt;secret&gt;</c>; the id finds the stored key, the secret's hash is compared in constant
/// time. Answers are remembered for at most <see cref="CacheFor"/> (the service sets its follow interval), so a key
/// created or revoked by another process is seen within that time; one created or revoked through this instance at once.
/// </remarks>
public sealed class ApiKeys(IAccessStore store, TimeProvider clock)
{
    private const string Prefix = "cig_";
    private const int CacheSize = 10_000;
    private readonly ConcurrentDictionary<string, (ApiKey? Key, long At)> _found = new(StringComparer.Ordinal);

    /// <summary>How long a look-up is remembered; zero remembers nothing.</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Creates a key and returns it with its secret text, which is not kept and cannot be shown again.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string role, string owner, IEnumerable<string> grants, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grants);
        var now = clock.GetUtcNow();
        var created = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        for (var attempt = 0; ; attempt++)
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            var secret = $"{Prefix}{id}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
            var key = new ApiKey(id, role, owner, grants.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), created, expiresAt, null);
            if (await store.AddAsync(key, Hash(secret), cancellationToken).ConfigureAwait(false))
            {
                _found.Clear();
                return (key, secret);
            }

            if (attempt == 3)
                throw new GraphStoreException("Could not find a free API key id after four tries.");
        }
    }

    /// <summary>Every key, newest first, revoked and expired ones included.</summary>
    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>Revokes a key by id; false when there is no such key.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var revoked = await store.RevokeAsync(id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _found.Clear();
        return revoked;
    }

    /// <summary>Finds the key a secret text belongs to, whatever its state; null when the text is not a key of this store.</summary>
    public async Task<ApiKey?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var hash = Hash(secret);
        var cacheKey = Convert.ToHexString(hash);
        var now = clock.GetTimestamp();
        if (_found.TryGetValue(cacheKey, out var known) && clock.GetElapsedTime(known.At, now) < CacheFor)
            return known.Key;
        var key = await LookUpAsync(secret, hash, cancellationToken).ConfigureAwait(false);
        if (CacheFor > TimeSpan.Zero && (_found.Count < CacheSize || _found.ContainsKey(cacheKey)))
            _found[cacheKey] = (key, now);
        return key;
    }

    private async Task<ApiKey?> LookUpAsync(string secret, byte[] hash, CancellationToken cancellationToken)
    {
        var parts = secret.Split('_');
        if (parts.Length != 3 || parts[0] + "_" != Prefix || parts[1].Length != 12 || secret.Length > 100)
            return null;
        var stored = await store.FindAsync(parts[1], cancellationToken).ConfigureAwait(false);
        return stored is not null && CryptographicOperations.FixedTimeEquals(stored.SecretHash, hash) ? stored.Key : null;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
