using System.Net;
using System.Text.Json.Nodes;
using Graph.Api.Export;
using Graph.Api.Schema.Execution;
using Graph.Api.Tests.Security;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Graph.Api.Tests.Export;

/// <summary>Review, high: forty slow Parquet exports from one anonymous address held 1.6 GiB and kept another client waiting 15 s.
/// Exports run at most so many at once per caller and in all; one more is refused with 429 until one ends.</summary>
public sealed class ExportGateTests
{
    [Fact]
    public void TryEnter_PastTheCallersPlacesOrTheServices_RefusedUntilOneLeaves()
    {
        var gate = new ExportGate(Options.Create(new ServiceLimits { ConcurrentExportsPerCaller = 2, ConcurrentExports = 3 }));
        var a1 = gate.TryEnter("address:10.0.0.1");
        var a2 = gate.TryEnter("address:10.0.0.1");
        Assert.NotNull(a1);
        Assert.NotNull(a2);
        Assert.Null(gate.TryEnter("address:10.0.0.1"));
        var b1 = gate.TryEnter("caller:key:b");
        Assert.NotNull(b1);
        Assert.Null(gate.TryEnter("caller:key:c"));

        a1!.Dispose();
        a1.Dispose();
        var c1 = gate.TryEnter("caller:key:c");
        Assert.NotNull(c1);
        Assert.Null(gate.TryEnter("address:10.0.0.1"));
        foreach (var place in new[] { a2, b1, c1 })
            place!.Dispose();
        Assert.NotNull(gate.TryEnter("address:10.0.0.1"));
    }

    [Fact]
    public async Task Export_WhileTheServiceRunsAsManyAsItMay_429NamingTheLimitThenRuns()
    {
        await using var service = await ConfiguredService.Create(new Dictionary<string, string> { ["Graph:Limits:ConcurrentExports"] = "1" }).StartAsync();
        using var client = service.CreateClient();
        var url = new Uri("/export?format=parquet&path=datasets&document=" + Uri.EscapeDataString("{ datasets { nodes { slug } } }"), UriKind.Relative);
        var gate = service.Services.GetRequiredService<ExportGate>();

        using (gate.TryEnter("someone else"))
        {
            using var refused = await client.GetAsync(url);
            Assert.Equal((HttpStatusCode)429, refused.StatusCode);
            Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
            var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
            Assert.Equal("RATE_LIMITED", (string?)body["code"]);
            Assert.Contains("Graph:Limits:ConcurrentExportsPerCaller, ConcurrentExports", (string)body["message"]!, StringComparison.Ordinal);
        }

        using var answered = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await answered.Content.ReadAsByteArrayAsync();
        Assert.NotNull(gate.TryEnter("after"));
    }
}
