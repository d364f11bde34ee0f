using System.Globalization;

namespace Graph.Bench.Soak;

/// <summary>Reads the service's /metrics (Prometheus text format) with an administrator's key and adds up the series of a few metrics.</summary>
internal static class Metrics
{
    public const string Requests = "graph_requests_total";
    public const string ServerErrors = "http_server_request_duration_seconds_count{5xx}";

    public static readonly string[] Watched =
    [
        Requests,
        "graph_request_duration_seconds_count",
        "http_server_request_duration_seconds_count",
        ServerErrors,
        "graph_rate_limited_total",
        "graph_document_cache_lookups_total{hit}",
        "graph_document_cache_lookups_total{miss}",
        "graph_index_sequence",
    ];

    public static async Task<Dictionary<string, double>> ScrapeAsync(Uri address, string adminKey)
    {
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.LastIndexOf(' ');
            if (space < 0)
                continue;
            var name = brace > 0 ? line[..brace] : line[..space];
            if (!double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                continue;
            Add(name, value);
            if (name == "http_server_request_duration_seconds_count" && line.Contains("http_response_status_code=\"5", StringComparison.Ordinal))
                Add(ServerErrors, value);
            if (name == "graph_document_cache_lookups_total")
                Add(name + (line.Contains("result=\"hit\"", StringComparison.Ordinal) ? "{hit}" : "{miss}"), value);
        }

        return sums;

        void Add(string name, double value) => sums[name] = sums.GetValueOrDefault(name) + value;
    }
}
