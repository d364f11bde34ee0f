using System.Net.Http.Json;
using Graph.Testing;

namespace Graph.Api.Tests.Observability;

/// <summary>/metrics: the Prometheus text format, for administrators only; request counters and latency histograms move.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class MetricsTests(CatalogueFactory service)
{
    [Fact]
    public async Task Metrics_Administrator_SeesRequestCountersAndHistograms()
    {
        await service.DataAsync("query MetricsProbe { datasets(first: 1) { totalCount } }");
        using var client = service.CreateClient();
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("graph_requests_total{", text, StringComparison.Ordinal);
        Assert.Contains("operation=\"MetricsProbe\"", text, StringComparison.Ordinal);
        Assert.Contains("graph_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("graph_index_sequence", text, StringComparison.Ordinal);
        Assert.Contains("graph_document_cache_lookups_total{", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AnonymousOrResearcher_AreRefused()
    {
        using var anonymous = service.CreateAnonymousClient();
        Assert.Equal(401, (int)(await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        using var researcher = service.CreateClient(await TestKeys.CreateAsync(service.DataDirectory, "researcher"));
        Assert.Equal(403, (int)(await researcher.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void OperationLabels_ManyOrInvalidNames_AreBoundedToOther()
    {
        var labels = new Graph.Api.Observability.OperationLabels();
        for (var i = 0; i < Graph.Api.Observability.OperationLabels.Max; i++)
            Assert.Equal($"Op{i}", labels.Of($"Op{i}"));
        Assert.Equal("(other)", labels.Of("OneTooMany"));
        Assert.Equal("Op7", labels.Of("Op7"));
        Assert.Equal("(anonymous)", labels.Of(null));
        Assert.Equal("(other)", new Graph.Api.Observability.OperationLabels().Of("bad\nname"));
    }

    /// <summary>Review, low: 210 anonymous requests named Squat0 … Squat209 took every label, so a researcher's DashboardStats counted
    /// as "(other)" until a restart. Anonymous callers name at most 50 labels; the others stay for callers with credentials.</summary>
    [Fact]
    public void OperationLabels_AnonymousSquatters_LeaveLabelsForCallersWithCredentials()
    {
        var labels = new Graph.Api.Observability.OperationLabels();
        var squatted = Enumerable.Range(0, 210).Select(i => labels.Of($"Squat{i}", anonymous: true)).ToList();
        Assert.Equal(Graph.Api.Observability.OperationLabels.MaxAnonymous, squatted.Count(l => l != "(other)"));
        Assert.Equal("DashboardStats", labels.Of("DashboardStats", anonymous: false));
        Assert.Equal("DashboardStats", labels.Of("DashboardStats", anonymous: true));
        Assert.Equal("Squat3", labels.Of("Squat3", anonymous: false));
    }
}
