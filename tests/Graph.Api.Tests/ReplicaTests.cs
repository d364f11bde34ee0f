using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Testing;

namespace Graph.Api.Tests;

/// <summary>Two service processes on one store each see the other's writes within the follow interval.</summary>
public sealed class ReplicaTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly List<Process> _processes = [];

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.Dispose();
        }

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

    private static async Task<HttpStatusCode> StatusAsync(HttpClient replica, string key)
    {
        // A client of its own: the replica's client sends an admin key by default.
        using var client = new HttpClient { BaseAddress = replica.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query = "{ datasets { totalCount } }" }) };
        request.Headers.Add(TestKeys.Header, key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<HttpClient> StartAsync()
    {
        var port = Ports.Free();
        var info = DotnetProgram.StartInfo("Graph.Api.dll", null, null, ["--urls", $"http://127.0.0.1:{port}", "--data", _data.Path, "--demo-patients", "60", "--Graph:FollowIntervalSeconds", "0.5"]);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Add(TestKeys.Header, await TestKeys.CreateAsync(_data.Path, "admin"));
        var ready = await Readiness.WaitAsync(client, new Uri("/health/ready", UriKind.Relative), TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(200), () => process.HasExited);
        Assert.False(process.HasExited, $"The service exited with code {(process.HasExited ? process.ExitCode : 0)}.");
        Assert.True(ready, "The service was not ready within 90 s.");
        return client;
    }

    private static async Task<string> SaveCohortAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = $$"""mutation { saveCohort(input: { name: "{{name}}", criteria: {} }) { cohortId } }""" });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string?)body["data"]?["saveCohort"]?["cohortId"] ?? throw new InvalidOperationException(body.ToJsonString());
    }

    private static async Task WaitUntilVisibleAsync(HttpClient client, string cohortId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = $$"""{ cohortByKey(key: "{{cohortId}}") { name patients { totalCount } } }""" });
            var found = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]?["cohortByKey"];
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
