using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Store.Access;
using Graph.Store.Sqlite.Access;
using Graph.Testing;

namespace Graph.Api.Tests;

/// <summary>Two service processes on one store each see the other's writes within the follow interval.</summary>
/// <remarks>IAsyncLifetime, not IAsyncDisposable: xUnit 2 disposes a test class only through IDisposable or IAsyncLifetime, and
/// the replicas are processes that outlive the test run unless they are stopped.</remarks>
public sealed class ReplicaTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly List<ServiceProcess> _replicas = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
            await replica.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task TwoProcesses_OneStore_SeeEachOthersWrites()
    {
        var a = await StartAsync();
        var b = await StartAsync();

        var first = await SaveCohortAsync(a, "written through replica A");
        await WaitUntilVisibleAsync(b, first);
        var second = await SaveCohortAsync(b, "written through replica B");
        await WaitUntilVisibleAsync(a, second);

        // Cursors are sealed with a key derived from the shared disclosure secret: a page given by A goes on through B.
        const string query = "query($after: String) { patients(first: 7, after: $after, order: [{ ageAtDiagnosis: DESC }]) { pageInfo { endCursor } nodes { pseudonym } } }";
        var (_, page) = await a.PostAsync(query);
        var cursor = (string)page["data"]!["patients"]!["pageInfo"]!["endCursor"]!;
        var (_, throughA) = await a.PostAsync(query, new { after = cursor });
        var (_, throughB) = await b.PostAsync(query, new { after = cursor });
        Assert.Null(throughB["errors"]);
        Assert.Equal(7, throughB["data"]!["patients"]!["nodes"]!.AsArray().Count);
        Assert.Equal(throughA["data"]!.ToJsonString(), throughB["data"]!.ToJsonString());
    }

    [Fact]
    public async Task TwoProcesses_OneStore_ShareKeysAndSeeARevocationWithinTheFollowInterval()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var keys = TestKeys.InDataDirectory(_data.Path);

        // Created in the store of record (as `graph keys create` does with replica A's settings): works on both.
        var (key, secret) = await keys.CreateAsync("researcher", "replica-test", [], null, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(b, secret));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(a, secret));

        // Revoked with replica B's settings: both refuse it within the follow interval (0.5 s here), though both remembered it as valid.
        Assert.True(await keys.RevokeAsync(key.Id, CancellationToken.None));
        var revokedAt = DateTime.UtcNow;
        foreach (var replica in new[] { a, b })
        {
            while (await StatusAsync(replica, secret) != HttpStatusCode.Unauthorized)
            {
                Assert.True(DateTime.UtcNow - revokedAt < TimeSpan.FromSeconds(5), "A replica still accepted a revoked key 5 s after the revocation (follow interval 0.5 s).");
                await Task.Delay(50);
            }
        }

        Assert.True(DateTime.UtcNow - revokedAt < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TwoProcesses_OneStore_StopGrantingARevokedAccessRequestWithinTheFollowInterval()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var (_, body) = await a.PostAsync("{ datasets(first: 100) { nodes { slug accessTier series(first: 1) { totalCount } } } }");
        var dataset = (string)body["data"]!["datasets"]!["nodes"]!.AsArray()
            .First(d => ((string?)d!["accessTier"] ?? "restricted") == "restricted" && (int)d["series"]!["totalCount"]! > 0)!["slug"]!;
        var (key, secret) = await TestKeys.InDataDirectory(_data.Path).CreateAsync("researcher", "replica-test", [], null, CancellationToken.None);

        // Approved and revoked in the store of record by another process, as `graph access-requests` does: both replicas remembered the grant.
        var requests = new AccessRequests(SqliteAccessStore.InDataDirectory(_data.Path), TimeProvider.System) { CacheFor = TimeSpan.Zero };
        var holder = AccessRequestActor.HolderOfAll("cli:replica-test");
        var request = await requests.SubmitAsync("key:" + key.Id, [dataset], null, "Validate a model", "VAL-1", _ => null, CancellationToken.None);
        await requests.ApproveAsync(request.Id, holder, null, null, CancellationToken.None);
        Assert.True(await SeriesAsync(a, secret, dataset) > 0);
        Assert.True(await SeriesAsync(b, secret, dataset) > 0);

        await requests.RevokeAsync(request.Id, holder, "Approved by mistake", CancellationToken.None);
        var revokedAt = DateTime.UtcNow;
        foreach (var replica in new[] { a, b })
        {
            while (await SeriesAsync(replica, secret, dataset) != 0)
            {
                Assert.True(DateTime.UtcNow - revokedAt < TimeSpan.FromSeconds(5), "A replica still granted a revoked access request 5 s after the revocation (follow interval 0.5 s).");
                await Task.Delay(50);
            }
        }
    }

    private static async Task<int> SeriesAsync(ServiceProcess replica, string key, string dataset)
    {
        using var client = new HttpClient { BaseAddress = replica.Client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = JsonContent.Create(new { query = $$"""{ datasetByKey(key: "{{dataset}}") { series(first: 1) { totalCount } } }""" }),
        };
        request.Headers.Add(TestKeys.Header, key);
        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (int?)body["data"]?["datasetByKey"]?["series"]?["totalCount"] ?? throw new InvalidOperationException(body.ToJsonString());
    }

    private static async Task<HttpStatusCode> StatusAsync(ServiceProcess replica, string key)
    {
        // A client of its own: the replica's requests carry an admin key.
        using var client = new HttpClient { BaseAddress = replica.Client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query = "{ datasets { totalCount } }" }) };
        request.Headers.Add(TestKeys.Header, key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<ServiceProcess> StartAsync()
    {
        var replica = await ServiceProcess.StartAsync(_data.Path, 60);
        _replicas.Add(replica);
        return replica;
    }

    private static async Task<string> SaveCohortAsync(ServiceProcess replica, string name)
    {
        var (_, body) = await replica.PostAsync($$"""mutation { saveCohort(input: { name: "{{name}}", criteria: {} }) { cohortId } }""");
        return (string?)body["data"]?["saveCohort"]?["cohortId"] ?? throw new InvalidOperationException(body.ToJsonString());
    }

    private static async Task WaitUntilVisibleAsync(ServiceProcess replica, string cohortId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var (_, body) = await replica.PostAsync($$"""{ cohortByKey(key: "{{cohortId}}") { name patients { totalCount } } }""");
            var found = body["data"]?["cohortByKey"];
            if (found is not null)
            {
                Assert.Equal(60, (int)found["patients"]!["totalCount"]!);
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Cohort {cohortId} was not seen by the other replica within 10 s.");
            await Task.Delay(100);
        }
    }

}
