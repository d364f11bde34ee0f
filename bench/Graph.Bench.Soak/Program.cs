// Soak: copies a seeded data folder, starts the service on it as a process on 127.0.0.1 with rate limits on, drives a mix of
// queries (node lookup, nested page, facets, cohort preview, text search) from N concurrent clients for a duration while a
// hostile anonymous client (oversized bodies, broken JSON, complexity bombs, bursts) and a key-guessing client run beside
// them, scrapes /metrics before and after, and prints throughput, p50/p99 per kind and overall, the good clients' errors, the
// adversaries' answers by status, the service's 5xx answers and ERR/WRN log lines, and its resident memory before and after
// (each after a forced full GC). Exits 1 on any good client's error, a 5xx or an ERR line, an adversary not refused, or when
// memory after the run exceeds memory before by more than the bound.
//
//   dotnet run -c Release --project bench/Graph.Bench.Soak -- --data /tmp/graph-bench-20000 --duration 60 --concurrency 4 --max-growth-mib 64
//
// --data DIR            a seeded data folder (copied, never modified); without it, a 2,000-patient demo catalogue is seeded first
// --duration SECONDS    length of the measured run (default 60); a 10 s warm-up runs before it
// --concurrency N       concurrent clients (default 4)
// --max-growth-mib MIB  allowed growth of resident memory after GC, end against start (default 64)
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Bench.Soak;

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
    options[args[i]] = args[i + 1];
string Option(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;
var duration = TimeSpan.FromSeconds(double.Parse(Option("--duration", "60"), CultureInfo.InvariantCulture));
var concurrency = int.Parse(Option("--concurrency", "4"), CultureInfo.InvariantCulture);
var maxGrowth = double.Parse(Option("--max-growth-mib", "64"), CultureInfo.InvariantCulture);

var work = Path.Combine(Path.GetTempPath(), "graph-soak-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
try
{
    if (options.TryGetValue("--data", out var source))
    {
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
    }
    else
    {
        Console.WriteLine("No --data: the service seeds a 2,000-patient demo catalogue first.");
    }

    Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}");
    // A curator's key: the soak reads every record (and every request is audited, as in production); rate limits are off for it.
    var keys = new Graph.Store.Access.ApiKeys(Graph.Store.Sqlite.Access.SqliteAccessStore.InDataDirectory(work), TimeProvider.System);
    var key = (await keys.CreateAsync("curator", "soak", [], null, CancellationToken.None)).Secret;
    var adminKey = (await keys.CreateAsync("admin", "soak-metrics", [], null, CancellationToken.None)).Secret;
    await using var service = await ServiceUnderTest.StartAsync(work, seedPatients: options.ContainsKey("--data") ? 0 : 2000);
    using var client = new HttpClient { BaseAddress = service.Address };
    client.DefaultRequestHeaders.Add("X-Api-Key", key);
    var idsBody = JsonNode.Parse(await (await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = SoakQueries.Ids })).Content.ReadAsStringAsync())!;
    var ids = idsBody["data"]!["patients"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();
    var statistics = JsonNode.Parse(await (await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = "{ catalogueStatistics { patients { text } series { text } } }" })).Content.ReadAsStringAsync())!;
    Console.WriteLine($"catalogue: {statistics["data"]?["catalogueStatistics"]?.ToJsonString()}");

    await new SoakRun(service.Address, ids, key).RunAsync(concurrency, TimeSpan.FromSeconds(10));
    await service.CollectGarbageAsync();
    var before = service.ResidentMiB();
    Console.WriteLine($"resident memory after warm-up and GC: {before:F0} MiB");

    // A throwaway key of a copied folder, printed so that /metrics can be watched by hand while the soak runs.
    Console.WriteLine($"watch: curl -s -H 'X-Api-Key: {adminKey}' {service.Address}metrics");
    var metricsBefore = await Metrics.ScrapeAsync(service.Address, adminKey);
    var run = new SoakRun(service.Address, ids, key);
    var adversaries = new AdversaryRun(service.Address);
    var adversaryTask = adversaries.RunAsync(duration, CancellationToken.None);
    var elapsed = await run.RunAsync(concurrency, duration);
    await adversaryTask;
    var metricsAfter = await Metrics.ScrapeAsync(service.Address, adminKey);
    var afterRun = service.ResidentMiB();
    var collected = await service.CollectGarbageAsync();
    var after = service.ResidentMiB();

    var all = new List<double>();
    Console.WriteLine($"{duration.TotalSeconds:F0} s, {concurrency} clients:");
    for (var k = 0; k < SoakQueries.Kinds.Length; k++)
    {
        var samples = run.Latencies(k).Order().ToList();
        all.AddRange(samples);
        Console.WriteLine($"  {SoakQueries.Kinds[k],-15} {samples.Count,7:N0} requests  p50 {Percentile(samples, 0.50),7:F2} ms  p99 {Percentile(samples, 0.99),7:F2} ms"
            + (run.FirstError(k) is { } error ? $"  first error: {error}" : ""));
    }

    all.Sort();
    Console.WriteLine($"  {"overall",-15} {all.Count,7:N0} requests  p50 {Percentile(all, 0.50),7:F2} ms  p99 {Percentile(all, 0.99),7:F2} ms  {all.Count / elapsed.TotalSeconds:F0} requests/s");
    Console.WriteLine($"errors: {run.Errors}");
    Console.WriteLine("adversaries' answers:");
    foreach (var (status, count) in adversaries.Statuses.OrderBy(p => p.Key, StringComparer.Ordinal))
        Console.WriteLine($"  {status,-40} {count,7:N0}");
    // The hostile client's only answers with data are its bomb with n = 1 (harmless); everything else of it and all of the key guesser's must be refused.
    int Count(string key) => adversaries.Statuses.GetValueOrDefault(key);
    var adversaryServed = Count("bad-key 200") + Count("hostile 200 COMPLEXITY")
        + adversaries.Statuses.Where(p => p.Key.Contains(" 5", StringComparison.Ordinal) || p.Key.Contains("failed", StringComparison.Ordinal)).Sum(p => p.Value)
        + (Count("hostile 413") > 0 && Count("hostile 400") > 0 && Count("hostile 429") > 0 && Count("bad-key 429") > 0 ? 0 : 1);
    Console.WriteLine("metrics (from /metrics, before -> after the run):");
    foreach (var name in Metrics.Watched)
        Console.WriteLine($"  {name,-60} {metricsBefore.GetValueOrDefault(name),12:N0} -> {metricsAfter.GetValueOrDefault(name),12:N0}");
    var serverErrors = metricsAfter.GetValueOrDefault(Metrics.ServerErrors) - metricsBefore.GetValueOrDefault(Metrics.ServerErrors);
    var (errorLines, warningLines) = ServiceUnderTest.LoggedProblems;
    Console.WriteLine($"5xx answers: {serverErrors:N0}; service log: {errorLines} ERR lines, {warningLines} WRN lines");
    Console.WriteLine($"resident memory: {before:F0} MiB before, {afterRun:F0} MiB at the end, {after:F0} MiB after GC{(collected ? "" : " (GC not triggered)")}; growth {after - before:F0} MiB (bound {maxGrowth:F0})");
    Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
    var failed = run.Errors > 0 || after - before > maxGrowth || serverErrors > 0 || errorLines > 0 || adversaryServed > 0
        || metricsAfter.GetValueOrDefault(Metrics.Requests) <= metricsBefore.GetValueOrDefault(Metrics.Requests);
    Console.WriteLine(failed ? "FAILED" : "OK");
    return failed ? 1 : 0;
}
finally
{
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
    }
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
