using Graph.Store.Access;
using Xunit;

namespace Graph.Testing;

/// <summary>The behaviour every <see cref="IAccessStore"/> adapter must show; each adapter's tests inherit it.</summary>
public abstract class AccessStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    /// <summary>Opens an empty access store for one test, its schema ensured.</summary>
    protected abstract Task<IAccessStore> CreateStoreAsync();

    /// <summary>Opens a second instance on the same store, as another process would.</summary>
    protected abstract Task<IAccessStore> OpenAgainAsync();

    protected IAccessStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static ApiKey Key(string id, DateTimeOffset? expires = null) => new(id, "researcher", "ana", ["lung-ct", "prostate-mr"], Created, expires, null);

    [Fact]
    public async Task Add_ThenFind_ReadsKeyAndHashBack()
    {
        Assert.True(await Store.AddAsync(Key("a1b2c3d4e5f6", Created.AddDays(90)), [1, 2, 3, 255], CancellationToken.None));

        var stored = await Store.FindAsync("a1b2c3d4e5f6", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(("researcher", "ana", "lung-ct prostate-mr"), (stored.Key.Role, stored.Key.Owner, string.Join(' ', stored.Key.Grants)));
        Assert.Equal(Created, stored.Key.CreatedAt);
        Assert.Equal(Created.AddDays(90), stored.Key.ExpiresAt);
        Assert.Null(stored.Key.RevokedAt);
        Assert.Equal([1, 2, 3, 255], stored.SecretHash);
    }

    [Fact]
    public async Task Add_IdTaken_ReturnsFalseAndKeepsTheFirst()
    {
        await Store.AddAsync(Key("a1b2c3d4e5f6"), [1], CancellationToken.None);

        Assert.False(await Store.AddAsync(Key("a1b2c3d4e5f6") with { Role = "admin" }, [2], CancellationToken.None));

        var stored = await Store.FindAsync("a1b2c3d4e5f6", CancellationToken.None);
        Assert.Equal(("researcher", (byte)1), (stored!.Key.Role, stored.SecretHash[0]));
    }

    [Fact]
    public async Task Find_UnknownId_IsNull()
    {
        Assert.Null(await Store.FindAsync("000000000000", CancellationToken.None));
    }

    [Fact]
    public async Task Revoke_KeepsTheFirstTimeAndUnknownIsFalse()
    {
        await Store.AddAsync(Key("a1b2c3d4e5f6"), [1], CancellationToken.None);

        Assert.True(await Store.RevokeAsync("a1b2c3d4e5f6", Created.AddHours(1), CancellationToken.None));
        Assert.True(await Store.RevokeAsync("a1b2c3d4e5f6", Created.AddHours(2), CancellationToken.None));
        Assert.False(await Store.RevokeAsync("000000000000", Created, CancellationToken.None));

        Assert.Equal(Created.AddHours(1), (await Store.FindAsync("a1b2c3d4e5f6", CancellationToken.None))!.Key.RevokedAt);
    }

    [Fact]
    public async Task List_NewestFirst_WithoutHashes()
    {
        await Store.AddAsync(Key("aaaaaaaaaaaa") with { CreatedAt = Created }, [1], CancellationToken.None);
        await Store.AddAsync(Key("bbbbbbbbbbbb") with { CreatedAt = Created.AddMinutes(1), Grants = [] }, [2], CancellationToken.None);

        var keys = await Store.ListAsync(CancellationToken.None);

        Assert.Equal(["bbbbbbbbbbbb", "aaaaaaaaaaaa"], keys.Select(k => k.Id));
        Assert.Empty(keys[0].Grants);
    }

    [Fact]
    public async Task SecondInstance_SeesAddAndRevokeAtOnce()
    {
        var other = await OpenAgainAsync();
        await Store.AddAsync(Key("a1b2c3d4e5f6"), [7], CancellationToken.None);
        Assert.NotNull(await other.FindAsync("a1b2c3d4e5f6", CancellationToken.None));

        await other.RevokeAsync("a1b2c3d4e5f6", Created.AddDays(1), CancellationToken.None);

        Assert.Equal(Created.AddDays(1), (await Store.FindAsync("a1b2c3d4e5f6", CancellationToken.None))!.Key.RevokedAt);
    }

    [Fact]
    public async Task ApiKeys_OverTheStore_KeepOnlyAHashAndRefuseAWrongSecret()
    {
        var keys = new ApiKeys(Store, TimeProvider.System) { CacheFor = TimeSpan.Zero };
        var (key, secret) = await keys.CreateAsync("curator", "ops", [], null, CancellationToken.None);

        Assert.Equal(key.Id, (await keys.FindAsync(secret, CancellationToken.None))?.Id);
        Assert.Null(await keys.FindAsync(secret[..^1] + (secret[^1] == '0' ? '1' : '0'), CancellationToken.None));
        var stored = await Store.FindAsync(key.Id, CancellationToken.None);
        Assert.Equal(32, stored!.SecretHash.Length);
        Assert.DoesNotContain(secret, Convert.ToHexStringLower(stored.SecretHash), StringComparison.Ordinal);
    }

    private static AccessRequest Request(string id, string requester, DateTimeOffset created) => new(
        id, requester, ["lung-ct"], null, "Train a nodule detector", "LUNA-2", AccessRequestStatus.Submitted, null, 1,
        [new AccessRequestEvent(created, requester, "submit", AccessRequestStatus.Submitted, "Train a nodule detector")]);

    [Fact]
    public async Task AddRequest_ThenFind_ReadsItBackAndRefusesATakenId()
    {
        var requests = (IAccessRequestStore)Store;
        Assert.True(await requests.AddRequestAsync(Request("ar_000000000001", "key:a1", Created), CancellationToken.None));
        Assert.False(await requests.AddRequestAsync(Request("ar_000000000001", "key:b2", Created), CancellationToken.None));

        var found = await requests.FindRequestAsync("ar_000000000001", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(("key:a1", "lung-ct", "LUNA-2", AccessRequestStatus.Submitted, 1), (found.Requester, Assert.Single(found.Datasets), found.Project, found.Status, found.Version));
        Assert.Equal(Created, found.CreatedAt);
        Assert.Null(await requests.FindRequestAsync("ar_nothing", CancellationToken.None));
    }

    [Fact]
    public async Task ListRequests_NewestFirst_AllOrOneRequesters()
    {
        var requests = (IAccessRequestStore)Store;
        await requests.AddRequestAsync(Request("ar_000000000001", "key:a1", Created), CancellationToken.None);
        await requests.AddRequestAsync(Request("ar_000000000002", "key:b2", Created.AddMinutes(1)), CancellationToken.None);
        await requests.AddRequestAsync(Request("ar_000000000003", "key:a1", Created.AddMinutes(2)), CancellationToken.None);

        Assert.Equal(["ar_000000000003", "ar_000000000002", "ar_000000000001"], (await requests.ListRequestsAsync(null, CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(["ar_000000000003", "ar_000000000001"], (await requests.ListRequestsAsync("key:a1", CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task ReplaceRequest_OnlyOverTheVersionItWasReadAt_SeenByAnotherInstance()
    {
        var requests = (IAccessRequestStore)Store;
        var submitted = Request("ar_000000000001", "key:a1", Created);
        await requests.AddRequestAsync(submitted, CancellationToken.None);
        var approved = submitted with
        {
            Status = AccessRequestStatus.Approved,
            GrantExpiresAt = Created.AddDays(30),
            Version = 2,
            History = [.. submitted.History, new AccessRequestEvent(Created.AddHours(1), "key:c3", "approve", AccessRequestStatus.Approved, "Fine")],
        };
        var rejected = submitted with { Status = AccessRequestStatus.Rejected, Version = 2 };

        Assert.True(await requests.ReplaceRequestAsync(approved, 1, CancellationToken.None));
        Assert.False(await requests.ReplaceRequestAsync(rejected, 1, CancellationToken.None));

        var other = (IAccessRequestStore)await OpenAgainAsync();
        var found = await other.FindRequestAsync("ar_000000000001", CancellationToken.None);
        Assert.Equal((AccessRequestStatus.Approved, Created.AddDays(30), 2, 2), (found!.Status, found.GrantExpiresAt, found.Version, found.History.Count));
        Assert.Equal(("key:c3", "Fine"), (found.History[1].Actor, found.History[1].Text));
    }

    [Fact]
    public async Task ReplaceRequest_RevokedApproval_ReadsBackRevokedWithItsHistory()
    {
        var requests = (IAccessRequestStore)Store;
        var submitted = Request("ar_000000000001", "key:a1", Created);
        var approved = submitted with
        {
            Status = AccessRequestStatus.Approved,
            GrantExpiresAt = Created.AddDays(30),
            Version = 2,
            History = [.. submitted.History, new AccessRequestEvent(Created.AddHours(1), "key:c3", "approve", AccessRequestStatus.Approved, null)],
        };
        var revoked = approved with
        {
            Status = AccessRequestStatus.Revoked,
            GrantExpiresAt = Created.AddHours(2),
            Version = 3,
            History = [.. approved.History, new AccessRequestEvent(Created.AddHours(2), "key:c3", "revoke", AccessRequestStatus.Revoked, "Approved by mistake")],
        };
        await requests.AddRequestAsync(submitted, CancellationToken.None);
        Assert.True(await requests.ReplaceRequestAsync(approved, 1, CancellationToken.None));

        Assert.True(await requests.ReplaceRequestAsync(revoked, 2, CancellationToken.None));

        var other = (IAccessRequestStore)await OpenAgainAsync();
        var found = await other.FindRequestAsync("ar_000000000001", CancellationToken.None);
        Assert.Equal((AccessRequestStatus.Revoked, Created.AddHours(2), 3), (found!.Status, found.GrantExpiresAt, found.Version));
        Assert.Equal(("revoke", AccessRequestStatus.Revoked, "Approved by mistake"), (found.History[^1].Action, found.History[^1].Status, found.History[^1].Text));
        Assert.Equal(AccessRequestStatus.Revoked, Assert.Single(await other.ListRequestsAsync("key:a1", CancellationToken.None)).Status);
    }
}
