using System.Security.Claims;
using Graph.Store.Access;

namespace Graph.Api.Security;

/// <summary>Adds to an authenticated caller the dataset grants of its approved, unexpired access requests, beside those of its key or token.</summary>
internal static class AccessRequestGrants
{
    /// <summary>Adds the grants as <see cref="Caller.GrantClaim"/> claims; roles that read every record get none (they need none).</summary>
    /// <remarks>A store that cannot be read leaves the caller with its credential's grants only: fewer records, never more.</remarks>
    public static async Task AddAsync(ClaimsPrincipal principal, AccessRequests requests, CancellationToken cancellationToken)
    {
        var caller = Caller.From(principal);
        if (caller.Role is not (CatalogRole.Researcher or CatalogRole.Partner) || principal.Identity is not ClaimsIdentity identity)
            return;
        IReadOnlyList<string> granted;
        try
        {
            granted = await requests.GrantsAsync(caller.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Graph.Store.GraphStoreException)
        {
            return;
        }

        identity.AddClaims(granted.Where(d => !caller.Grants.Contains(d)).Select(d => new Claim(Caller.GrantClaim, d)));
    }
}
