using System.Net;
using System.Net.Http.Json;
using Graph.Testing;

namespace Graph.Reliability.Tests;

/// <summary>What an operator reads in the log of a healthy service: no warning or error on a first start, none for a client that hangs up.</summary>
/// <remarks>Issue 16, point 7 (an aborted download logged as ERR ... responded 500) and point 9 (readiness polls during loading
/// logged at ERR, a data-protection warning on first start).</remarks>
public sealed class OperatorLogTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _home = new();

    public void Dispose()
    {
        _data.Dispose();
        _home.Dispose();
    }

    [Fact]
    public async Task FirstStart_NewMachine_ReadinessPolledWhileLoading_LogsNoWarningOrError()
    {
        // A fresh HOME is a new machine: no data-protection keys yet. StartAsync polls /health/ready every 200 ms while it loads.
        await using var service = await ServiceProcess.StartAsync(_data.Path, 300, new Dictionary<string, string> { ["HOME"] = _home.Path });
        await service.DataAsync("{ datasets(first: 3) { totalCount nodes { slug } } }");
        using var ready = await service.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        Assert.True(service.Warnings.Count == 0, "Warnings or errors on a healthy first start:\n" + string.Join('\n', service.Warnings));
    }

    [Fact]
    public async Task Downloads_ClientAbortsManifestAndLargeAnswer_LogsNoErrorAnd500()
    {
        await using var service = await ServiceProcess.StartAsync(_data.Path, 1000, new Dictionary<string, string> { ["HOME"] = _home.Path });
        var cohort = (string)(await service.DataAsync("""mutation { saveCohort(input: { name: "everyone", criteria: {} }) { cohortId } }"""))["saveCohort"]!["cohortId"]!;
        var key = await TestKeys.CreateAsync(_data.Path, "admin");

        for (var i = 0; i < 3; i++)
        {
            using var client = new HttpClient { BaseAddress = service.Client.BaseAddress };
            client.DefaultRequestHeaders.Add(TestKeys.Header, key);
            using (var manifest = await client.GetAsync(new Uri($"/cohorts/{cohort}/manifest?format=json", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead))
            {
                Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
                await using var stream = await manifest.Content.ReadAsStreamAsync();
                await stream.ReadExactlyAsync(new byte[1024]);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = JsonContent.Create(new { query = "{ series(first: 1000) { nodes { seriesInstanceUid description study { studyInstanceUid patient { pseudonym } } } } }" }),
            };
            using var answer = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await answer.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[256]);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await service.DataAsync("{ datasets(first: 1) { totalCount } }");
        Assert.True(service.Warnings.Count == 0, "Warnings or errors after clients hung up:\n" + string.Join('\n', service.Warnings));
        Assert.DoesNotContain("responded 500", service.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonLogs_EveryRequestLine_CarriesRequestIdAndOperationName()
    {
        await using var service = await ServiceProcess.StartAsync(_data.Path, 100, new Dictionary<string, string> { ["HOME"] = _home.Path }, "--Graph:Observability:LogFormat", "json");
        await service.DataAsync("query JsonLogProbe { datasets(first: 1) { totalCount } }");
        await Task.Delay(500);

        var lines = service.FullLog.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, line => System.Text.Json.JsonDocument.Parse(line).Dispose());
        var request = lines.Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!.AsObject())
            .Where(e => (string?)e["OperationName"] == "JsonLogProbe").ToList();
        Assert.NotEmpty(request);
        Assert.All(request, e => Assert.False(string.IsNullOrEmpty((string?)e["RequestId"])));
        Assert.Contains(request, e => ((string?)e["@mt"])?.Contains("responded", StringComparison.Ordinal) == true);
    }

    /// <summary>Review, medium: a percent-encoded newline in the URL path was decoded into the text log, so a stranger wrote whole
    /// forged lines ("[16:50:00 ERR] FORGED") and terminal escapes into the operator's log. Control characters are written escaped.</summary>
    [Fact]
    public async Task TextLog_PathWithNewlineAndEscape_CannotForgeALine()
    {
        await using var service = await ServiceProcess.StartAsync(_data.Path, 100, new Dictionary<string, string> { ["HOME"] = _home.Path });
        using var client = new HttpClient { BaseAddress = service.Client.BaseAddress };
        using var forged = await client.PostAsync(new Uri("/graph%0a[16:50:00%20ERR]%20FORGED-PATH%1b[31m%0d%e2%80%ae", UriKind.Relative), JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        await service.DataAsync("{ datasets(first: 1) { totalCount } }");
        await Task.Delay(500);

        var lines = service.FullLog.Split('\n');
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("[16:50:00 ERR]", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', service.FullLog);
        Assert.DoesNotContain('\u202e', service.FullLog);
        Assert.Contains(lines, l => l.Contains("/graph\\u000A[16:50:00 ERR] FORGED-PATH\\u001B[31m\\u000D\\u202E", StringComparison.Ordinal));
    }

    /// <summary>Review, medium: /metrics without credentials is served on the metrics port only, but the check matched the Host
    /// header ("Host: x:PORT" on the public port was let in). The port the connection came in on decides.</summary>
    [Fact]
    public async Task Metrics_HostHeaderNamingTheMetricsPort_OnThePublicPort_NotFound()
    {
        var metricsPort = Ports.Free();
        await using var service = await ServiceProcess.StartAsync(_data.Path, 100, new Dictionary<string, string> { ["HOME"] = _home.Path },
            "--urls", $"http://127.0.0.1:{{port}};http://127.0.0.1:{metricsPort}", "--Graph:Observability:MetricsPort", metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var client = new HttpClient { BaseAddress = service.Client.BaseAddress };
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Host = $"x:{metricsPort}";
        using var refused = await client.SendAsync(spoofed);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("graph_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        using var scraped = await scraper.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("graph_", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
