using System.Collections.Concurrent;
using System.Security.Cryptography;
using static Graph.Store.Access.AccessRequestRules;

namespace Graph.Store.Access;

/// <summary>Access requests and their negotiation: the one place that enforces who may take which step from which status, and the grants approvals give.</summary>
/// <remarks>
/// Steps: a requester submits (SUBMITTED) and may withdraw before a decision (WITHDRAWN); a holder of the datasets reviews or asks a
/// question (IN_REVIEW), approves with a grant's expiry (APPROVED) or rejects with a reason (REJECTED); an approval whose expiry has
/// passed reads and is stored as EXPIRED; a holder may revoke an approval, expired or not, with a reason (REVOKED). Any other step is
/// refused with <see cref="AccessRequestException.IllegalTransition"/>. Each step is stored over the version it was decided on, so two
/// holders deciding at once cannot both win. A step drops this instance's cached grants of the requester at once; other instances
/// read the store again within <see cref="CacheFor"/>.
/// </remarks>
public sealed class AccessRequests(IAccessRequestStore store, TimeProvider clock)
{
    /// <summary>The most datasets one request names.</summary>
    public const int MaxDatasets = 50;

    /// <summary>The longest purpose, question or reason.</summary>
    public const int MaxText = 4000;

    /// <summary>The system actor that records expiries.</summary>
    public const string System = "system";

    private static readonly AccessRequestStatus[] Open = [AccessRequestStatus.Submitted, AccessRequestStatus.InReview];
    private static readonly AccessRequestStatus[] Granted = [AccessRequestStatus.Approved, AccessRequestStatus.Expired];
    private readonly ConcurrentDictionary<string, (IReadOnlyList<string> Datasets, DateTimeOffset Until)> _grants = new(StringComparer.Ordinal);

    // Counts the steps this instance stored, so that grants read from the store while a step was being stored are not remembered.
    private long _steps;

    /// <summary>How long the grants of a requester are remembered (never past a grant's expiry); zero remembers nothing.</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an approval grants access when the holder names no expiry.</summary>
    public static TimeSpan DefaultGrant { get; } = TimeSpan.FromDays(365);

    /// <summary>The longest grant an approval may give.</summary>
    public static TimeSpan MaxGrant { get; } = TimeSpan.FromDays(5 * 366);

    /// <summary>Submits a request; every bad input is named in one error.</summary>
    /// <param name="requester">The caller who asks.</param>
    /// <param name="datasets">The datasets' slugs.</param>
    /// <param name="cohort">The saved cohort it is for, or null.</param>
    /// <param name="purpose">What the data is for.</param>
    /// <param name="project">The project.</param>
    /// <param name="problemOf">Says what is wrong with a dataset slug (unknown, not restricted), or null when it can be requested.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<AccessRequest> SubmitAsync(
        string requester, IEnumerable<string> datasets, string? cohort, string? purpose, string? project, Func<string, string?> problemOf, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requester);
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(problemOf);
        var (slugs, why, what) = CheckSubmission(datasets, purpose, project, problemOf);
        var now = Now();
        for (var attempt = 0; ; attempt++)
        {
            var request = new AccessRequest(
                "ar_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), requester, slugs,
                string.IsNullOrWhiteSpace(cohort) ? null : cohort.Trim(), why, what, AccessRequestStatus.Submitted, null, 1,
                [new AccessRequestEvent(now, requester, "submit", AccessRequestStatus.Submitted, why)]);
            if (await store.AddRequestAsync(request, cancellationToken).ConfigureAwait(false))
                return request;
            if (attempt == 3)
                throw new GraphStoreException("Could not find a free access request id after four tries.");
        }
    }

    /// <summary>A request the actor sees (its own, or one for a dataset it holds), with an elapsed approval shown as expired; null otherwise.</summary>
    public async Task<AccessRequest?> FindAsync(string id, AccessRequestActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await store.FindRequestAsync(id, cancellationToken).ConfigureAwait(false);
        return request is not null && actor.Sees(request) ? await ExpireIfDueAsync(request, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>The requests the actor sees, newest first, optionally of some statuses only.</summary>
    public async Task<IReadOnlyList<AccessRequest>> ListAsync(AccessRequestActor actor, IReadOnlyCollection<AccessRequestStatus>? statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var all = await store.ListRequestsAsync(null, cancellationToken).ConfigureAwait(false);
        var seen = new List<AccessRequest>();
        foreach (var request in all.Where(actor.Sees))
        {
            var current = await ExpireIfDueAsync(request, cancellationToken).ConfigureAwait(false);
            if (statuses is null || statuses.Count == 0 || statuses.Contains(current.Status))
                seen.Add(current);
        }

        return seen;
    }

    /// <summary>A holder starts the review: SUBMITTED to IN_REVIEW.</summary>
    public Task<AccessRequest> ReviewAsync(string id, AccessRequestActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, actor, "review", cancellationToken, (request, _) =>
        {
            RequireHolder(request, actor, "review");
            Require(request, "review", AccessRequestStatus.Submitted);
            return (AccessRequestStatus.InReview, null, null);
        });

    /// <summary>A question from a holder (the request goes IN_REVIEW) or an answer from the requester, on a request still under negotiation.</summary>
    public Task<AccessRequest> CommentAsync(string id, AccessRequestActor actor, string? text, CancellationToken cancellationToken) =>
        StepAsync(id, actor, "comment", cancellationToken, (request, _) =>
        {
            var comment = Required("text", text);
            var holder = actor.HoldsAll(request);
            if (!holder && request.Requester != actor.Id)
                throw new AccessRequestException(AccessRequestException.Forbidden, $"Only the requester or a holder of every dataset of request {request.Id} may comment on it.");
            Require(request, "comment on", Open);
            return (holder ? AccessRequestStatus.InReview : request.Status, comment, null);
        });

    /// <summary>A holder approves: the requester reads the datasets' records until <paramref name="expiresAt"/> (a year when null).</summary>
    public Task<AccessRequest> ApproveAsync(string id, AccessRequestActor actor, string? reason, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        StepAsync(id, actor, "approve", cancellationToken, (request, now) =>
        {
            var until = expiresAt ?? now + DefaultGrant;
            if (until <= now)
                throw new AccessRequestException($"'expiresAt' ({until:O}) is not in the future.");
            if (until > now + MaxGrant)
                throw new AccessRequestException($"'expiresAt' ({until:O}) is more than {MaxGrant.Days} days away.");
            RequireHolder(request, actor, "approve");
            Require(request, "approve", Open);
            return (AccessRequestStatus.Approved, Optional("reason", reason), until);
        });

    /// <summary>A holder rejects with a reason.</summary>
    public Task<AccessRequest> RejectAsync(string id, AccessRequestActor actor, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, actor, "reject", cancellationToken, (request, _) =>
        {
            var why = Required("reason", reason);
            RequireHolder(request, actor, "reject");
            Require(request, "reject", Open);
            return (AccessRequestStatus.Rejected, why, null);
        });

    /// <summary>The requester takes the request back before a decision.</summary>
    public Task<AccessRequest> WithdrawAsync(string id, AccessRequestActor actor, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, actor, "withdraw", cancellationToken, (request, _) =>
        {
            if (request.Requester != actor.Id)
                throw new AccessRequestException(AccessRequestException.Forbidden, $"Only the requester may withdraw request {request.Id}.");
            Require(request, "withdraw", Open);
            return (AccessRequestStatus.Withdrawn, Optional("reason", reason), null);
        });

    /// <summary>A holder takes back an approval, expired or not, with a reason: from then on it grants nothing, and its grant's expiry becomes the time of the revocation.</summary>
    public Task<AccessRequest> RevokeAsync(string id, AccessRequestActor actor, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, actor, "revoke", cancellationToken, (request, now) =>
        {
            var why = Required("reason", reason);
            RequireHolder(request, actor, "revoke");
            Require(request, "revoke", Granted);
            return (AccessRequestStatus.Revoked, why, request.GrantExpiresAt < now ? request.GrantExpiresAt : now);
        });

    /// <summary>The datasets a requester's approved, unexpired requests grant it now.</summary>
    public async Task<IReadOnlyList<string>> GrantsAsync(string requester, CancellationToken cancellationToken)
    {
        var now = Now();
        if (_grants.TryGetValue(requester, out var known) && known.Until > now)
            return known.Datasets;
        var steps = Interlocked.Read(ref _steps);
        var requests = await store.ListRequestsAsync(requester, cancellationToken).ConfigureAwait(false);
        var granted = requests.Where(r => r.GrantsAt(now)).ToList();
        var datasets = granted.SelectMany(r => r.Datasets).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (CacheFor > TimeSpan.Zero)
        {
            var entry = ((IReadOnlyList<string>)datasets, granted.Select(r => r.GrantExpiresAt!.Value).Append(now + CacheFor).Min());
            _grants[requester] = entry;
            // A step stored while the store was being read (a revocation) may have dropped the cache before this entry went in, with the
            // entry read from before the step: then the entry goes, or the revoking instance would serve the grant for CacheFor more.
            if (Interlocked.Read(ref _steps) != steps)
                _grants.TryRemove(KeyValuePair.Create(requester, entry));
        }

        return datasets;
    }

    private async Task<AccessRequest> StepAsync(
        string id, AccessRequestActor actor, string action, CancellationToken cancellationToken,
        Func<AccessRequest, DateTimeOffset, (AccessRequestStatus Status, string? Text, DateTimeOffset? ExpiresAt)> decide)
    {
        ArgumentNullException.ThrowIfNull(actor);
        for (var attempt = 0; ; attempt++)
        {
            var stored = await store.FindRequestAsync(id ?? "", cancellationToken).ConfigureAwait(false);
            if (stored is null || !actor.Sees(stored))
                throw new AccessRequestException(AccessRequestException.NotFound, $"There is no access request '{id}' that you may see.");
            var request = await ExpireIfDueAsync(stored, cancellationToken).ConfigureAwait(false);
            var now = Now();
            var (status, text, expiresAt) = decide(request, now);
            var changed = request with
            {
                Status = status,
                GrantExpiresAt = expiresAt ?? request.GrantExpiresAt,
                Version = request.Version + 1,
                History = [.. request.History, new AccessRequestEvent(now, actor.Id, action, status, text)],
            };
            if (await store.ReplaceRequestAsync(changed, request.Version, cancellationToken).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _steps);
                _grants.TryRemove(request.Requester, out _);
                return changed;
            }

            if (attempt == 3)
                throw new GraphStoreException($"Access request {id} kept changing under this step; try again.", true);
        }
    }

    // An approval past its expiry is stored as expired the first time anyone looks, so its history says when it ended.
    private async Task<AccessRequest> ExpireIfDueAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        if (request.Status != AccessRequestStatus.Approved || request.GrantExpiresAt > Now())
            return request;
        var expired = request with
        {
            Status = AccessRequestStatus.Expired,
            Version = request.Version + 1,
            History = [.. request.History, new AccessRequestEvent(request.GrantExpiresAt!.Value, System, "expire", AccessRequestStatus.Expired, null)],
        };
        if (await store.ReplaceRequestAsync(expired, request.Version, cancellationToken).ConfigureAwait(false))
            return expired;
        return await store.FindRequestAsync(request.Id, cancellationToken).ConfigureAwait(false) ?? expired;
    }

    /// <summary>A status as callers write it (SUBMITTED, IN_REVIEW, ...).</summary>
    public static string Name(AccessRequestStatus status) => status switch
    {
        AccessRequestStatus.InReview => "IN_REVIEW",
        _ => status.ToString().ToUpperInvariant(),
    };

    /// <summary>The status a caller's text names (SUBMITTED, IN_REVIEW, ..., any case); null when none.</summary>
    public static AccessRequestStatus? Parse(string? text) =>
        Enum.GetValues<AccessRequestStatus>().Select(s => (AccessRequestStatus?)s).FirstOrDefault(s => string.Equals(Name(s!.Value), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
