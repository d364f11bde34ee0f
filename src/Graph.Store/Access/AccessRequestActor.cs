namespace Graph.Store.Access;

/// <summary>Who takes a step on access requests: a caller id and the datasets it holds (decides on), if any.</summary>
/// <param name="Id">The caller's id as requests store it (<c>key:…</c> or a token subject).</param>
/// <param name="Holds">Whether the caller holds a dataset (decides who reads it); false for every dataset for a researcher.</param>
public sealed record AccessRequestActor(string Id, Func<string, bool> Holds)
{
    /// <summary>A caller who holds no dataset (a researcher).</summary>
    public static AccessRequestActor Requester(string id) => new(id, _ => false);

    /// <summary>A caller who holds every dataset (a curator or administrator).</summary>
    public static AccessRequestActor HolderOfAll(string id) => new(id, _ => true);

    /// <summary>Whether the caller holds any of the request's datasets, so sees it.</summary>
    public bool HoldsAny(AccessRequest request) => request.Datasets.Any(Holds);

    /// <summary>Whether the caller holds every dataset of the request, so may decide on it.</summary>
    public bool HoldsAll(AccessRequest request) => request.Datasets.All(Holds);

    /// <summary>Whether the caller sees the request: its own, or one for a dataset it holds.</summary>
    public bool Sees(AccessRequest request) => request.Requester == Id || HoldsAny(request);
}
