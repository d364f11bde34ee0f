namespace Graph.Store.Access;

/// <summary>Where API keys live: in the store of record, so that every process on one store sees a key, its grants, its expiry and its revocation.</summary>
/// <remarks>
/// Contract (tested by AccessStoreContract for every adapter): a key is added once under its id and never changes but
/// for its revocation; only the SHA-256 hash of its secret is kept; revoking keeps the first revocation's time; every
/// instance on the same store sees what another added or revoked as soon as the call returned.
/// </remarks>
public interface IAccessStore
{
    /// <summary>Adds a key with the hash of its secret; false when a key with that id exists already (nothing is changed then).</summary>
    Task<bool> AddAsync(ApiKey key, byte[] secretHash, CancellationToken cancellationToken);

    /// <summary>Reads a key by id with its secret's hash; null when there is none.</summary>
    Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every key, newest first, revoked and expired ones included.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks a key revoked at a time (a key revoked before keeps its first time); false when there is no such key.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
