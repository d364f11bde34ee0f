using Graph.Store.Access;
using Graph.Store.Sqlite.Access;

namespace Graph.Store.Sqlite.Tests;

// Revocation: a holder takes back an approval, expired or not, and the grant ends at once in the instance that stored it; and every
// refused step says its past tense right.
partial class AccessRequestsTests
{
    [Fact]
    public async Task Revoke_AnApprovedRequest_GrantsNothingFromThenOnAndRecordsWhoAndWhy()
    {
        var request = await SubmitAsync();
        await _requests.ApproveAsync(request.Id, _curator, null, _clock.GetUtcNow().AddDays(30), CancellationToken.None);
        Assert.Equal(["lung-ct"], await _requests.GrantsAsync(_researcher.Id, CancellationToken.None));
        _clock.Advance(TimeSpan.FromHours(1));

        var missing = await Assert.ThrowsAsync<AccessRequestException>(() => _requests.RevokeAsync(request.Id, _curator, " ", CancellationToken.None));
        var revoked = await _requests.RevokeAsync(request.Id, _curator, "EC-2026-17 does not cover it", CancellationToken.None);

        Assert.Equal((AccessRequestException.BadInput, "'reason' must not be empty."), (missing.Code, missing.Message));
        Assert.Equal(AccessRequestStatus.Revoked, revoked.Status);
        Assert.Equal(["submit", "approve", "revoke"], revoked.History.Select(e => e.Action));
        Assert.Equal(("key:curator1", AccessRequestStatus.Revoked, "EC-2026-17 does not cover it"), (revoked.History[^1].Actor, revoked.History[^1].Status, revoked.History[^1].Text));
        Assert.Equal(_clock.GetUtcNow(), revoked.GrantExpiresAt);
        Assert.Equal(revoked.History[^1].Time, revoked.GrantExpiresAt);
        Assert.Empty(await _requests.GrantsAsync(_researcher.Id, CancellationToken.None));
        Assert.Equal(AccessRequestStatus.Revoked, (await _requests.FindAsync(request.Id, _researcher, CancellationToken.None))!.Status);
        Assert.Single(await _requests.ListAsync(_curator, [AccessRequestStatus.Revoked], CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_AnExpiredApproval_RevokedAndKeepsWhenItEnded()
    {
        var request = await SubmitAsync();
        var until = _clock.GetUtcNow().AddDays(1);
        await _requests.ApproveAsync(request.Id, _curator, null, until, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(2));

        var revoked = await _requests.RevokeAsync(request.Id, _curator, "Approved by mistake", CancellationToken.None);

        Assert.Equal((AccessRequestStatus.Revoked, until), (revoked.Status, revoked.GrantExpiresAt));
        Assert.Equal(["submit", "approve", "expire", "revoke"], revoked.History.Select(e => e.Action));
    }

    [Fact]
    public async Task Revoke_ByTheRequesterOrAHolderOfSomeDatasets_IsForbiddenAndByAStrangerNotFound()
    {
        var request = await SubmitAsync("lung-ct", "breast-mr");
        await _requests.ApproveAsync(request.Id, _curator, null, null, CancellationToken.None);
        var lungHolder = new AccessRequestActor("key:holder", slug => slug == "lung-ct");

        var requester = await Assert.ThrowsAsync<AccessRequestException>(() => _requests.RevokeAsync(request.Id, _researcher, "Not needed", CancellationToken.None));
        var partial = await Assert.ThrowsAsync<AccessRequestException>(() => _requests.RevokeAsync(request.Id, lungHolder, "Not needed", CancellationToken.None));
        var stranger = await Assert.ThrowsAsync<AccessRequestException>(() => _requests.RevokeAsync(request.Id, _other, "Not needed", CancellationToken.None));

        Assert.Equal((AccessRequestException.Forbidden, $"Only a holder of every dataset of request {request.Id} may revoke it."), (requester.Code, requester.Message));
        Assert.Equal(AccessRequestException.Forbidden, partial.Code);
        Assert.Equal(AccessRequestException.NotFound, stranger.Code);
        Assert.Equal(["breast-mr", "lung-ct"], await _requests.GrantsAsync(_researcher.Id, CancellationToken.None));
    }

    /// <summary>Review: on an approved request, reject and withdraw said "can be rejectd" and "withdrawd"; every step's refusal says its past tense.</summary>
    [Theory]
    [InlineData("review", "SUBMITTED", "taken into review")]
    [InlineData("comment", "SUBMITTED or IN_REVIEW", "commented on")]
    [InlineData("approve", "SUBMITTED or IN_REVIEW", "approved")]
    [InlineData("reject", "SUBMITTED or IN_REVIEW", "rejected")]
    [InlineData("withdraw", "SUBMITTED or IN_REVIEW", "withdrawn")]
    public async Task Step_OnAnApprovedRequest_IllegalTransitionInItsPastTense(string step, string from, string past)
    {
        var request = await SubmitAsync();
        await _requests.ApproveAsync(request.Id, _curator, null, null, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<AccessRequestException>(() => StepAsync(step, request.Id));

        Assert.Equal(AccessRequestException.IllegalTransition, refused.Code);
        Assert.Equal($"Request {request.Id} is APPROVED; only a request that is {from} can be {past}.", refused.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("review")]
    [InlineData("reject")]
    [InlineData("withdraw")]
    public async Task Revoke_ARequestNeverApproved_IllegalTransitionSaysRevoked(string? first)
    {
        var request = await SubmitAsync();
        if (first is not null)
            await StepAsync(first, request.Id);
        var before = await _requests.FindAsync(request.Id, _curator, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<AccessRequestException>(() => StepAsync("revoke", request.Id));

        Assert.Equal(AccessRequestException.IllegalTransition, refused.Code);
        Assert.Equal($"Request {request.Id} is {AccessRequests.Name(before!.Status)}; only a request that is APPROVED or EXPIRED can be revoked.", refused.Message);
        Assert.Equal(before.Version, (await _requests.FindAsync(request.Id, _curator, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Revoke_GrantsCachedByThisInstance_ForgottenAtOnce()
    {
        var cached = new AccessRequests(SqliteAccessStore.InDataDirectory(_folder.Path), _clock) { CacheFor = TimeSpan.FromMinutes(5) };
        var request = await SubmitAsync();
        await cached.ApproveAsync(request.Id, _curator, null, null, CancellationToken.None);
        Assert.Equal(["lung-ct"], await cached.GrantsAsync(_researcher.Id, CancellationToken.None));

        await cached.RevokeAsync(request.Id, _curator, "Approved by mistake", CancellationToken.None);

        Assert.Empty(await cached.GrantsAsync(_researcher.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_WhileThisInstanceReadsTheGrants_TheReadIsNotRemembered()
    {
        var store = new PausingStore(SqliteAccessStore.InDataDirectory(_folder.Path));
        var cached = new AccessRequests(store, _clock) { CacheFor = TimeSpan.FromMinutes(5) };
        var request = await SubmitAsync();
        await cached.ApproveAsync(request.Id, _curator, null, null, CancellationToken.None);

        // The grants are read from the store before the revocation is stored, and remembered only after it dropped the cache.
        var reading = store.PauseNextList();
        var racing = cached.GrantsAsync(_researcher.Id, CancellationToken.None);
        await reading;
        await cached.RevokeAsync(request.Id, _curator, "Approved by mistake", CancellationToken.None);
        store.Resume();

        Assert.Equal(["lung-ct"], await racing);
        Assert.Empty(await cached.GrantsAsync(_researcher.Id, CancellationToken.None));
    }

    /// <summary>A store whose next list of requests, once read, waits until the test resumes it.</summary>
    private sealed class PausingStore(IAccessRequestStore inner) : IAccessRequestStore
    {
        private readonly TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task PauseNextList()
        {
            _armed = 1;
            return _read.Task;
        }

        public void Resume() => _resume.SetResult();

        public Task<bool> AddRequestAsync(AccessRequest request, CancellationToken cancellationToken) => inner.AddRequestAsync(request, cancellationToken);

        public Task<AccessRequest?> FindRequestAsync(string id, CancellationToken cancellationToken) => inner.FindRequestAsync(id, cancellationToken);

        public Task<bool> ReplaceRequestAsync(AccessRequest request, int expectedVersion, CancellationToken cancellationToken) =>
            inner.ReplaceRequestAsync(request, expectedVersion, cancellationToken);

        public async Task<IReadOnlyList<AccessRequest>> ListRequestsAsync(string? requester, CancellationToken cancellationToken)
        {
            var requests = await inner.ListRequestsAsync(requester, cancellationToken);
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _read.SetResult();
                await _resume.Task;
            }

            return requests;
        }
    }
}
