namespace Graph.Store.Access;

/// <summary>Where access requests live: in the store of record beside the API keys, so every replica sees a request and the grant an approval gives.</summary>
/// <remarks>
/// Contract (tested by AccessStoreContract for every adapter): a request is added once under its id; it changes only by
/// <see cref="ReplaceAsync"/> over the version it was read at (another writer's change in between makes it false); every
/// instance on the same store sees a change as soon as the call returned.
/// </remarks>
public interface IAccessRequestStore
{
    /// <summary>Adds a request; false when one with that id exists already (nothing is changed then).</summary>
    Task<bool> AddRequestAsync(AccessRequest request, CancellationToken cancellationToken);

    /// <summary>Reads a request by id; null when there is none.</summary>
    Task<AccessRequest?> FindRequestAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every request, or those of one requester, newest first.</summary>
    Task<IReadOnlyList<AccessRequest>> ListRequestsAsync(string? requester, CancellationToken cancellationToken);

    /// <summary>Stores a changed request (its version one more than <paramref name="expectedVersion"/>) if the stored one still has that version.</summary>
    Task<bool> ReplaceRequestAsync(AccessRequest request, int expectedVersion, CancellationToken cancellationToken);
}
