namespace Graph.Store.Access;

/// <summary>A researcher's request to read the records of restricted datasets, with its negotiation so far.</summary>
/// <param name="Id">A random id.</param>
/// <param name="Requester">The caller who asked (API key as <c>key:…</c> or token subject); an approval grants it the datasets.</param>
/// <param name="Datasets">The datasets' slugs, sorted, at least one.</param>
/// <param name="Cohort">The saved cohort the request is for, or null.</param>
/// <param name="Purpose">What the data is for.</param>
/// <param name="Project">The project it is for.</param>
/// <param name="Status">The stored status (an approval past its expiry reads as <see cref="AccessRequestStatus.Expired"/> through <see cref="AccessRequests"/>).</param>
/// <param name="GrantExpiresAt">When an approval's grant ends; null before an approval.</param>
/// <param name="Version">Counts the stored changes; a change is stored only over the version it was made from.</param>
/// <param name="History">Every step, oldest first.</param>
public sealed record AccessRequest(
    string Id,
    string Requester,
    IReadOnlyList<string> Datasets,
    string? Cohort,
    string Purpose,
    string Project,
    AccessRequestStatus Status,
    DateTimeOffset? GrantExpiresAt,
    int Version,
    IReadOnlyList<AccessRequestEvent> History)
{
    /// <summary>When it was submitted.</summary>
    public DateTimeOffset CreatedAt => History[0].Time;

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt => History[^1].Time;

    /// <summary>Whether its grant lets the requester read its datasets at <paramref name="now"/>.</summary>
    public bool GrantsAt(DateTimeOffset now) => Status == AccessRequestStatus.Approved && GrantExpiresAt > now;
}
