using System.Diagnostics;
using System.Text.Json;
using Graph.Ingest.Demo;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;

namespace Graph.Bench.Peer;

partial class PeerBenchmark
{
    // A curator's key: the peer has no access control, so ours must answer over every record too. Rate limits are off for the load.
    private static string? _oursKey;

    private static async Task<(ServerProcess Process, Uri Endpoint)> StartOursAsync(string repo, string work, CancellationToken cancellationToken)
    {
        _oursKey = (await new Graph.Store.Access.ApiKeys(Graph.Store.Sqlite.Access.SqliteAccessStore.InDataDirectory(Path.Combine(work, "ours")), TimeProvider.System).CreateAsync("curator", "peer-benchmark", [], null, cancellationToken)).Secret;
        var watch = Stopwatch.StartNew();
        var port = Ports.Free();
        var api = Path.Combine(repo, "src", "Graph.Api", "bin", Configuration(), "net10.0", "Graph.Api.dll");
        var ours = ServerProcess.Start("our service", "dotnet", [api, "--urls", $"http://127.0.0.1:{port}", "--data", Path.Combine(work, "ours"), "--Serilog:MinimumLevel:Default=Warning", "--Graph:Limits:RequestsPerSecondPerKey=0"], work, Lifetime, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        try
        {
            await ours.WaitReadyAsync(new Uri($"http://127.0.0.1:{port}/health/ready"), anyAnswer: false, TimeSpan.FromMinutes(5), cancellationToken);
        }
        catch
        {
            ours.Dispose();
            throw;
        }

        Console.WriteLine($"Our service: started and loaded its index in {watch.Elapsed.TotalSeconds:F1} s (process {ours.Id})");
        return (ours, new Uri($"http://127.0.0.1:{port}/graphql"));
    }

    private static async Task<int> RunOursOnlyAsync(BenchArguments arguments, string repo, string work, int concurrency, int warmUp, int seconds, CancellationToken cancellationToken)
    {
        var (ours, endpoint) = await StartOursAsync(repo, work, cancellationToken);
        using (ours)
        {
            using var load = new LoadGenerator(concurrency, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds), _oursKey);
            var allUids = await SeriesUidsAsync(load, endpoint, cancellationToken);
            var uids = allUids.Take(200).ToArray();
            var cursors = await WalkPagesAsync(load, endpoint, Scenarios.OursPage, "patients", 30, cancellationToken);
            using var slugs = JsonDocument.Parse(await load.SendAsync(endpoint, Scenarios.Body("{ datasets(first: 100) { nodes { slug } } }", null), cancellationToken));
            var datasets = slugs.RootElement.GetProperty("data").GetProperty("datasets").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()!).ToArray();
            var count = arguments.Int("--count", 20_000);
            var seed = arguments.Int("--seed", 1);
            var only = arguments.Get("--scenario");
            // Searched texts of a sample (without PostgreSQL to pick them, the words are not checked against a peer).
            using var sampleTexts = JsonDocument.Parse(await load.SendAsync(endpoint, Scenarios.Body("{ series(first: 1000) { nodes { description } } studies(first: 1000) { nodes { description } } datasets(first: 100) { nodes { title description } } }", null), cancellationToken));
            var data = sampleTexts.RootElement.GetProperty("data");
            (string Kind, string Text)[] texts =
            [
                .. data.GetProperty("series").GetProperty("nodes").EnumerateArray().Select(n => ("Series", n.GetProperty("description").GetString() ?? "")),
                .. data.GetProperty("studies").GetProperty("nodes").EnumerateArray().Select(n => ("Study", n.GetProperty("description").GetString() ?? "")),
                .. data.GetProperty("datasets").GetProperty("nodes").EnumerateArray().SelectMany(n => new[] { ("Dataset", n.GetProperty("title").GetString() ?? ""), ("Dataset", n.GetProperty("description").GetString() ?? "") }),
            ];
            var words = DistinctRequests.ComparableWords(texts.Select(t => t.Text), []);
            var searches = DistinctRequests.Searches(words, texts, seed);
            var pairs = DistinctRequests.WordPairs(words, texts, [], count + DistinctWarmUp, seed);
            Scenario[] scenarios =
            [
                Scenarios.Lookup(uids), Scenarios.NestedPage(cursors, cursors), Scenarios.Facets(), Scenarios.Cohort(),
                Scenarios.DistinctLookup(DistinctRequests.Keys(allUids, 10 * count + DistinctWarmUp, seed), DistinctWarmUp),
                Scenarios.DistinctPages(DistinctRequests.Pages(count + DistinctWarmUp, seed), DistinctWarmUp),
                Scenarios.DistinctFacets(DistinctRequests.Facets(count + DistinctWarmUp, seed, datasets), DistinctWarmUp),
                Scenarios.DistinctCohorts(DistinctRequests.Cohorts(count + DistinctWarmUp, seed), DistinctWarmUp),
                Scenarios.DistinctSearches(searches, Math.Max(1, searches.Count / 10)), Scenarios.DistinctWordPairs(pairs, Math.Min(DistinctWarmUp, pairs.Count / 10)),
                Scenarios.Search(words.Where((_, i) => i % Math.Max(1, words.Count / 10) == 0).Take(10).ToArray()), Scenarios.Empty(),
            ];
            foreach (var scenario in scenarios)
            {
                if (only is not null && !scenario.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase))
                    continue;
                var result = await load.RunAsync(endpoint, scenario, scenario.Ours, () => ProcessTree.CpuSeconds(ours.Id), cancellationToken);
                Console.WriteLine($"  {scenario.Name}{(scenario.Distinct ? ", distinct" : ", repeated")}: {result.Throughput:F0}/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, " +
                    $"CPU per request: service {result.ServerCpuMicroseconds:F0} µs, load generator {result.GeneratorCpuMicroseconds:F0} µs; errors {result.Errors}{(result.Exhausted ? ", stream ran out" : "")}");
            }

            Console.WriteLine($"Resident memory (PSS): {ProcessTree.MemoryMiB(ours.Id):F0} MiB; load average {File.ReadAllText("/proc/loadavg")[..14]}");
            return 0;
        }
    }
}
