using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Graph.Export.Postgres;
using Graph.Export.Tests.Support;
using Graph.Ingest.Demo;
using Graph.Store;
using Graph.Store.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Bench.Peer;

/// <summary>Sets up both sides on one catalogue, checks they answer alike, measures them under the same load, prints the table.</summary>
internal static class PeerBenchmark
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    /// <summary>What a competent operator sets for a read-mostly API on this machine: the working set in shared buffers,
    /// SSD page costs, and no JIT (it costs short queries tens of milliseconds).</summary>
    private static readonly Dictionary<string, string> PostgresSettings = new()
    {
        ["shared_buffers"] = "1GB",
        ["effective_cache_size"] = "8GB",
        ["work_mem"] = "32MB",
        ["random_page_cost"] = "1.1",
        ["jit"] = "off",
        ["max_connections"] = "50",
    };

    public static async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var patients = arguments.Int("--patients", 20_000);
        var data = arguments.Get("--data") ?? Path.Combine(Path.GetTempPath(), $"graph-bench-{patients}");
        var concurrency = arguments.Int("--concurrency", 4);
        var seconds = arguments.Int("--seconds", 10);
        var warmUp = arguments.Int("--warmup", 3);
        // --ours-only [--scenario NAME]: our service alone (no export, PostgreSQL or PostGraphile), e.g. to attach dotnet-trace.
        var oursOnly = Array.IndexOf(arguments.Arguments, "--ours-only") >= 0;
        var repo = RepositoryRoot();
        var work = Path.Combine(Path.GetTempPath(), "graph-bench-peer", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Describe("uname", "-srm")}; load average {File.ReadAllText("/proc/loadavg")[..14]}");
        Console.WriteLine($".NET {Environment.Version}; Node {Describe("node", "--version")}; {Describe(Path.Combine(PostgresServer.BinDirectory ?? "/missing", "postgres"), "--version")}");

        PostgresServer? postgres = null;
        ServerProcess? peer = null;
        ServerProcess? ours = null;
        try
        {
            await EnsureCatalogueAsync(data, patients, cancellationToken);
            Directory.CreateDirectory(Path.Combine(work, "ours"));
            File.Copy(Path.Combine(data, "graph.db"), Path.Combine(work, "ours", "graph.db"));

            var watch = Stopwatch.StartNew();
            if (oursOnly)
                return await RunOursOnlyAsync(arguments, repo, work, concurrency, warmUp, seconds, cancellationToken);
            var export = Path.Combine(work, "export");
            PostgresExportSummary summary;
            await using (var store = new SqliteGraphStore(Path.Combine(work, "ours", "graph.db")))
                summary = await PostgresExporter.ExportAsync(store, export, cancellationToken);
            Console.WriteLine($"export: {watch.Elapsed.TotalSeconds:F1} s, {summary.Rows.Sum(r => r.Value):N0} rows, {summary.Rejected.Count} left out");

            watch.Restart();
            postgres = await PostgresServer.StartAsync(Lifetime, PostgresSettings, cancellationToken);
            await postgres.PsqlFileAsync(PostgresExporter.LoadScript, export, cancellationToken: cancellationToken);
            Console.WriteLine($"PostgreSQL: started and loaded (COPY, constraints, indexes, ANALYZE) in {watch.Elapsed.TotalSeconds:F1} s on port {postgres.Port}");

            var peerFolder = Path.Combine(repo, "bench", "Graph.Bench.Peer", "postgraphile");
            if (!Directory.Exists(Path.Combine(peerFolder, "node_modules")))
                await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], peerFolder, cancellationToken);
            var peerPort = ServerProcess.FreePort();
            peer = ServerProcess.Start("PostGraphile", "node", ["server.js", postgres.Url(), peerPort.ToString(CultureInfo.InvariantCulture), ((int)Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture)], peerFolder, Lifetime, new Dictionary<string, string> { ["NODE_ENV"] = "production" });
            var peerEndpoint = new Uri($"http://127.0.0.1:{peerPort}/graphql");
            await peer.WaitReadyAsync(peerEndpoint, anyAnswer: true, TimeSpan.FromSeconds(60), cancellationToken);

            Uri oursEndpoint;
            (ours, oursEndpoint) = await StartOursAsync(repo, work, cancellationToken);

            using var load = new LoadGenerator(concurrency, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds), _oursKey);
            var uids = (await postgres.PsqlAsync("SELECT series_instance_uid FROM series ORDER BY md5(series_instance_uid) LIMIT 200", cancellationToken: cancellationToken)).Split('\n');
            var oursCursors = await WalkPagesAsync(load, oursEndpoint, Scenarios.OursPage, "patients", 30, cancellationToken);
            var peerCursors = await WalkPagesAsync(load, peerEndpoint, Scenarios.PeerPage, "allPatients", 30, cancellationToken);
            Scenario[] scenarios = [Scenarios.Lookup(uids), Scenarios.NestedPage(oursCursors, peerCursors), Scenarios.Facets(), Scenarios.Cohort(), Scenarios.Search()];

            Console.WriteLine("\nSame answers on both sides (checked once before timing):");
            var agreed = true;
            foreach (var scenario in scenarios)
                agreed &= await CheckAsync(load, scenario, oursEndpoint, peerEndpoint, cancellationToken);

            Console.WriteLine($"\nTimed: {concurrency} concurrent clients, {warmUp} s warm-up, {seconds} s measured per scenario and side; the load generator runs on the same cores.");
            var rows = new List<(Scenario Scenario, LoadResult Ours, LoadResult Peer)>();
            foreach (var scenario in scenarios)
            {
                var oursResult = await load.RunAsync(oursEndpoint, scenario.Ours, cancellationToken);
                var peerResult = await load.RunAsync(peerEndpoint, scenario.Peer, cancellationToken);
                rows.Add((scenario, oursResult, peerResult));
                Console.WriteLine($"  {scenario.Name}: ours {oursResult.Throughput:F0}/s, PostGraphile {peerResult.Throughput:F0}/s");
            }

            var oursMemory = ProcessMemory.TreeMiB(ours.Id);
            var nodeMemory = ProcessMemory.TreeMiB(peer.Id);
            var postgresMemory = ProcessMemory.TreeMiB(postgres.ProcessId);
            ResultTable.Print(rows, oursMemory, nodeMemory, postgresMemory);
            Console.WriteLine($"Load average after the run: {File.ReadAllText("/proc/loadavg")[..14]}");
            return agreed ? 0 : 1;
        }
        finally
        {
            ours?.Dispose();
            peer?.Dispose();
            if (postgres is not null)
                await postgres.DisposeAsync();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    // A curator's key: the peer has no access control, so ours must answer over every record too. Rate limits are off for the load.
    private static string? _oursKey;

    private static async Task<(ServerProcess Process, Uri Endpoint)> StartOursAsync(string repo, string work, CancellationToken cancellationToken)
    {
        _oursKey = (await new Graph.Store.Access.ApiKeys(Graph.Store.Sqlite.Access.SqliteAccessStore.InDataDirectory(Path.Combine(work, "ours")), TimeProvider.System).CreateAsync("curator", "peer-benchmark", [], null, cancellationToken)).Secret;
        var watch = Stopwatch.StartNew();
        var port = ServerProcess.FreePort();
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
            using var sample = JsonDocument.Parse(await load.SendAsync(endpoint, Scenarios.Body("{ series(first: 200) { nodes { seriesInstanceUid } } }", null), cancellationToken));
            var uids = sample.RootElement.GetProperty("data").GetProperty("series").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("seriesInstanceUid").GetString()!).ToArray();
            var cursors = await WalkPagesAsync(load, endpoint, Scenarios.OursPage, "patients", 30, cancellationToken);
            var only = arguments.Get("--scenario");
            foreach (var scenario in new[] { Scenarios.Lookup(uids), Scenarios.NestedPage(cursors, cursors), Scenarios.Facets(), Scenarios.Cohort(), Scenarios.Search() })
            {
                if (only is not null && !scenario.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase))
                    continue;
                var result = await load.RunAsync(endpoint, scenario.Ours, cancellationToken);
                Console.WriteLine($"  {scenario.Name}: {result.Throughput:F0}/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, errors {result.Errors}");
            }

            Console.WriteLine($"Resident memory (PSS): {ProcessMemory.TreeMiB(ours.Id):F0} MiB; load average {File.ReadAllText("/proc/loadavg")[..14]}");
            return 0;
        }
    }

    private static async Task EnsureCatalogueAsync(string data, int patients, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(data);
        await using var store = new SqliteGraphStore(Path.Combine(data, "graph.db"));
        await store.EnsureSchemaAsync(cancellationToken);
        if (await store.GetSequenceAsync(cancellationToken) > 0)
        {
            Console.WriteLine($"Catalogue: {patients:N0} patients, seeded before, in {data}");
            return;
        }

        var watch = Stopwatch.StartNew();
        var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
        var seeded = await DemoSeeder.SeedAsync(writer, new DemoOptions { Patients = patients }, null, cancellationToken);
        Console.WriteLine($"Catalogue: seeded {seeded.Counts.Patients:N0} patients, {seeded.Counts.Series:N0} series into {data} in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<IReadOnlyList<string?>> WalkPagesAsync(LoadGenerator load, Uri endpoint, string query, string field, int pages, CancellationToken cancellationToken)
    {
        var cursors = new List<string?> { null };
        while (cursors.Count < pages)
        {
            using var answer = JsonDocument.Parse(await load.SendAsync(endpoint, Scenarios.Body(query, new { after = cursors[^1] }), cancellationToken));
            cursors.Add(answer.RootElement.GetProperty("data").GetProperty(field).GetProperty("pageInfo").GetProperty("endCursor").GetString());
        }

        return cursors;
    }

    private static async Task<bool> CheckAsync(LoadGenerator load, Scenario scenario, Uri ours, Uri peer, CancellationToken cancellationToken)
    {
        var checks = Math.Min(Math.Min(scenario.Ours.Count, scenario.Peer.Count), 30);
        var same = 0;
        string? difference = null;
        string? example = null;
        for (var i = 0; i < checks; i++)
        {
            var oursAnswer = Answer(await load.SendAsync(ours, scenario.Ours[i], cancellationToken), scenario.OursAnswer);
            var peerAnswer = Answer(await load.SendAsync(peer, scenario.Peer[i], cancellationToken), scenario.PeerAnswer);
            example ??= oursAnswer;
            if (oursAnswer == peerAnswer)
                same++;
            else
                difference ??= $"\n      ours:         {oursAnswer}\n      PostGraphile: {peerAnswer}";
        }

        Console.WriteLine($"  {scenario.Name}: {same}/{checks} requests agree{(difference is null ? $"; e.g. {Shorten(example!)}" : $"; first difference:{difference}")}");
        return difference is null;
    }

    private static string Answer(string json, Func<JsonElement, string> reduce)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.TryGetProperty("errors", out var errors))
            return $"errors: {errors}";
        return reduce(document.RootElement.GetProperty("data"));
    }

    private static string Shorten(string text) => text.Length <= 150 ? text : text[..147] + "...";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Graph.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException("Run the benchmark from the repository's build output (Graph.sln was not found above it).");
    }

    private static string Configuration() =>
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    private static string Describe(string executable, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(executable, argument) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{Path.GetFileName(executable)} not found";
        }
    }

    private static async Task RunAsync(string executable, string[] arguments, string folder, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(executable, arguments) { WorkingDirectory = folder, UseShellExecute = false })!;
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} failed with {process.ExitCode} in {folder}.");
    }
}
