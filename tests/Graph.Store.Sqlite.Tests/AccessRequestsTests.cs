using Graph.Store.Access;
using Graph.Store.Sqlite.Access;
using Graph.Testing;

namespace Graph.Store.Sqlite.Tests;

/// <summary>The negotiation of access requests over access.db: who may take which step from which status, and the grants an approval gives.</summary>
public sealed partial class AccessRequestsTests : IDisposable
{
    private static readonly Func<string, string?> AnyDataset = _ => null;
    private readonly TempDirectory _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly AccessRequests _requests;
    private readonly AccessRequestActor _researcher = AccessRequestActor.Requester("key:researcher1");
    private readonly AccessRequestActor _other = AccessRequestActor.Requester("key:researcher2");
    private readonly AccessRequestActor _curator = AccessRequestActor.HolderOfAll("key:curator1");

    public AccessRequestsTests() => _requests = new AccessRequests(SqliteAccessStore.InDataDirectory(_folder.Path), _clock) { CacheFor = TimeSpan.Zero };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private Task<AccessRequest> SubmitAsync(params string[] datasets) =>
        _requests.SubmitAsync(_researcher.Id, datasets.Length == 0 ? ["lung-ct"] : datasets, null, "Train a nodule detector", "LUNA-2", AnyDataset, CancellationToken.None);

    [Fact]
    public async Task Submit_ThenQuestionAnswerApprove_GrantsTheDatasetsUntilTheExpiry()
    {
        var request = await SubmitAsync("lung-ct", "breast-mr", "lung-ct");
        Assert.Equal((AccessRequestStatus.Submitted, "breast-mr lung-ct"), (request.Status, string.Join(' ', request.Datasets)));
        Assert.Empty(await _requests.GrantsAsync(_researcher.Id, CancellationToken.None));

        Assert.Equal(AccessRequestStatus.InReview, (await _requests.CommentAsync(request.Id, _curator, "Which ethics approval covers this?", CancellationToken.None)).Status);
        Assert.Equal(AccessRequestStatus.InReview, (await _requests.CommentAsync(request.Id, _researcher, "EC-2026-17", CancellationToken.None)).Status);
        var approved = await _requests.ApproveAsync(request.Id, _curator, "Covered by EC-2026-17", _clock.GetUtcNow().AddDays(30), CancellationToken.None);

        Assert.Equal(AccessRequestStatus.Approved, approved.Status);
        Assert.Equal(["submit", "comment", "comment", "approve"], approved.History.Select(e => e.Action));
        Assert.Equal(["key:researcher1", "key:curator1", "key:researcher1", "key:curator1"], approved.History.Select(e => e.Actor));
        Assert.Equal(["breast-mr", "lung-ct"], await _requests.GrantsAsync(_researcher.Id, CancellationToken.None));
        Assert.Empty(await _requests.GrantsAsync(_other.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Reject_WithAReason_FinalAndGrantsNothing()
    {
        var request = await SubmitAsync();

        var missing = await Assert.ThrowsAsync<AccessRequestException>(() => _requests.RejectAsync(request.Id, _curator, "  ", CancellationToken.None));
        Assert.Equal((AccessRequestException.BadInput, "'reason' must not be empty."), (missing.Code, missing.Message));
        var rejected = await _requests.RejectAsync(request.Id, _curator, "No ethics approval", CancellationToken.None);

        Assert.Equal((AccessRequestStatus.Rejected, "No ethics approval"), (rejected.Status, rejected.History[^1].Text));
        Assert.Empty(await _requests.GrantsAsync(_researcher.Id, CancellationToken.None));
        var again = await Assert.ThrowsAsync<AccessRequestException>(() => _requests.ApproveAsync(request.Id, _curator, null, null, CancellationToken.None));
        Assert.Equal(AccessRequestException.IllegalTransition, again.Code);
        Assert.Contains("is REJECTED", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_PastItsExpiry_ReadsExpiredAndGrantsNothing()
    {
        var request = await SubmitAsync();
        await _requests.ApproveAsync(request.Id, _curator, null, _clock.GetUtcNow().AddDays(1), CancellationToken.None);
        Assert.Equal(["lung-ct"], await _requests.GrantsAsync(_researcher.Id, CancellationToken.None));

        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Empty(await _requests.GrantsAsync(_researcher.Id, CancellationToken.None));
        var expired = await _requests.FindAsync(request.Id, _researcher, CancellationToken.None);
        Assert.Equal((AccessRequestStatus.Expired, "expire", AccessRequests.System), (expired!.Status, expired.History[^1].Action, expired.History[^1].Actor));
        var withdraw = await Assert.ThrowsAsync<AccessRequestException>(() => _requests.WithdrawAsync(request.Id, _researcher, null, CancellationToken.None));
        Assert.Equal(AccessRequestException.IllegalTransition, withdraw.Code);
    }

    [Fact]
    public async Task Grants_CachedForAWhile_NeverPastTheExpiry()
    {
        var cached = new AccessRequests(SqliteAccessStore.InDataDirectory(_folder.Path), _clock) { CacheFor = TimeSpan.FromMinutes(5) };
        var request = await SubmitAsync();
        await cached.ApproveAsync(request.Id, _curator, null, _clock.GetUtcNow().AddMinutes(1), CancellationToken.None);
        Assert.Equal(["lung-ct"], await cached.GrantsAsync(_researcher.Id, CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(await cached.GrantsAsync(_researcher.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("withdraw", "approve")]
    [InlineData("withdraw", "reject")]
    [InlineData("withdraw", "comment")]
    [InlineData("approve", "reject")]
    [InlineData("approve", "withdraw")]
    [InlineData("approve", "review")]
    [InlineData("reject", "withdraw")]
    [InlineData("review", "review")]
    [InlineData("review", "revoke")]
    [InlineData("reject", "revoke")]
    public async Task Step_FromAFinalOrLaterStatus_IsAnIllegalTransition(string first, string second)
    {
        var request = await SubmitAsync();
        await StepAsync(first, request.Id);

        var refused = await Assert.ThrowsAsync<AccessRequestException>(() => StepAsync(second, request.Id));

        Assert.Equal(AccessRequestException.IllegalTransition, refused.Code);
        Assert.Equal(2, (await _requests.FindAsync(request.Id, _curator, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Steps_ByTheWrongCaller_AreForbiddenOrNotFound()
    {
        var request = await SubmitAsync();

        Assert.Equal(AccessRequestException.Forbidden, (await Assert.ThrowsAsync<AccessRequestException>(() => _requests.ApproveAsync(request.Id, _researcher, null, null, CancellationToken.None))).Code);
        Assert.Equal(AccessRequestException.Forbidden, (await Assert.ThrowsAsync<AccessRequestException>(() => _requests.WithdrawAsync(request.Id, _curator, null, CancellationToken.None))).Code);
        Assert.Equal(AccessRequestException.NotFound, (await Assert.ThrowsAsync<AccessRequestException>(() => _requests.WithdrawAsync(request.Id, _other, null, CancellationToken.None))).Code);
        Assert.Null(await _requests.FindAsync(request.Id, _other, CancellationToken.None));
        Assert.Empty(await _requests.ListAsync(_other, null, CancellationToken.None));
        Assert.Single(await _requests.ListAsync(_researcher, null, CancellationToken.None));
        Assert.Single(await _requests.ListAsync(_curator, [AccessRequestStatus.Submitted], CancellationToken.None));
        Assert.Empty(await _requests.ListAsync(_curator, [AccessRequestStatus.Approved], CancellationToken.None));
    }

    [Fact]
    public async Task Holder_OfSomeDatasets_SeesOnlyThoseRequestsAndDecidesOnlyWholeOnes()
    {
        var lungHolder = new AccessRequestActor("key:holder", slug => slug == "lung-ct");
        var lung = await SubmitAsync("lung-ct");
        var both = await SubmitAsync("lung-ct", "breast-mr");
        var breast = await SubmitAsync("breast-mr");

        Assert.Equal(new[] { both.Id, lung.Id }.Order(), (await _requests.ListAsync(lungHolder, null, CancellationToken.None)).Select(r => r.Id).Order());
        Assert.Equal(AccessRequestException.Forbidden, (await Assert.ThrowsAsync<AccessRequestException>(() => _requests.ApproveAsync(both.Id, lungHolder, null, null, CancellationToken.None))).Code);
        Assert.Equal(AccessRequestException.NotFound, (await Assert.ThrowsAsync<AccessRequestException>(() => _requests.ApproveAsync(breast.Id, lungHolder, null, null, CancellationToken.None))).Code);
        Assert.Equal(AccessRequestStatus.Approved, (await _requests.ApproveAsync(lung.Id, lungHolder, null, null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Submit_BadInputs_AllNamedInOneError()
    {
        var refused = await Assert.ThrowsAsync<AccessRequestException>(() => _requests.SubmitAsync(
            _researcher.Id, ["lung-ct", "nope", ""], null, "", new string('p', 201), slug => slug == "nope" ? "there is no such dataset." : null, CancellationToken.None));

        Assert.Equal(AccessRequestException.BadInput, refused.Code);
        Assert.Equal("'datasets': nope: there is no such dataset. 'datasets' has an empty slug. 'purpose' must not be empty. 'project' has 201 characters; at most 200.", refused.Message);
        Assert.Empty(await _requests.ListAsync(_curator, null, CancellationToken.None));
    }

    [Fact]
    public async Task Approve_ExpiryInThePastOrTooFar_IsRefused()
    {
        var request = await SubmitAsync();

        var past = await Assert.ThrowsAsync<AccessRequestException>(() => _requests.ApproveAsync(request.Id, _curator, null, _clock.GetUtcNow(), CancellationToken.None));
        var far = await Assert.ThrowsAsync<AccessRequestException>(() => _requests.ApproveAsync(request.Id, _curator, null, _clock.GetUtcNow().AddYears(10), CancellationToken.None));

        Assert.Contains("'expiresAt'", past.Message, StringComparison.Ordinal);
        Assert.Contains("'expiresAt'", far.Message, StringComparison.Ordinal);
        Assert.Equal(AccessRequestStatus.Submitted, (await _requests.FindAsync(request.Id, _curator, CancellationToken.None))!.Status);
    }

    private Task StepAsync(string step, string id) => step switch
    {
        "approve" => _requests.ApproveAsync(id, _curator, null, null, CancellationToken.None),
        "reject" => _requests.RejectAsync(id, _curator, "No", CancellationToken.None),
        "review" => _requests.ReviewAsync(id, _curator, CancellationToken.None),
        "comment" => _requests.CommentAsync(id, _curator, "Why?", CancellationToken.None),
        "revoke" => _requests.RevokeAsync(id, _curator, "Approved by mistake", CancellationToken.None),
        _ => _requests.WithdrawAsync(id, _researcher, null, CancellationToken.None),
    };
}
