using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Graph.Bench.Soak;

/// <summary>Drives the query mix from several concurrent clients for a duration, keeping every latency and counting errors.</summary>
internal sealed class SoakRun(Uri address, IReadOnlyList<string> ids, string apiKey)
{
    private readonly List<double>[] _latencies = SoakQueries.Kinds.Select(_ => new List<double>()).ToArray();
    private readonly string?[] _firstError = new string?[SoakQueries.Kinds.Length];
    private int _errors;

    public int Errors => _errors;

    public IReadOnlyList<double> Latencies(int kind) => _latencies[kind];

    public string? FirstError(int kind) => _firstError[kind];

    public async Task<TimeSpan> RunAsync(int concurrency, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var local = SoakQueries.Kinds.Select(_ => new List<double>()).ToArray();
            var random = new Random(w);
            string? cursor = null;
            while (watch.Elapsed < duration)
            {
                var kind = random.Next(SoakQueries.Kinds.Length);
                var (query, variables) = kind switch
                {
                    0 => (SoakQueries.Node, (object?)new { id = ids[random.Next(ids.Count)] }),
                    1 => (SoakQueries.NestedPage, new { after = cursor }),
                    2 => (SoakQueries.Facets, null),
                    3 => (SoakQueries.CohortPreview, null),
                    _ => (SoakQueries.Search, new { text = SoakQueries.SearchTexts[random.Next(SoakQueries.SearchTexts.Length)] }),
                };
                var start = Stopwatch.GetTimestamp();
                string? error = null;
                try
                {
                    using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
                    var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                    if (!response.IsSuccessStatusCode || body?["errors"] is not null || body?["data"] is null)
                        error = $"{(int)response.StatusCode}: {body?["errors"]?.ToJsonString()}";
                    else if (kind == 1)
                        cursor = (string?)body["data"]!["patients"]!["pageInfo"]!["endCursor"];
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    error = e.Message;
                }

                local[kind].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (error is not null)
                {
                    Interlocked.Increment(ref _errors);
                    Interlocked.CompareExchange(ref _firstError[kind], error, null);
                }
            }

            lock (_latencies)
            {
                for (var k = 0; k < local.Length; k++)
                    _latencies[k].AddRange(local[k]);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return watch.Elapsed;
    }
}
