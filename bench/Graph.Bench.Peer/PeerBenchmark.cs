using System.Diagnostics;
using System.Globalization;
using Graph.Export.Postgres;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;

namespace Graph.Bench.Peer;

/// <summary>Sets up both sides on one catalogue, checks they answer alike, measures them under the same load, prints the table.</summary>
internal static partial class PeerBenchmark
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    /// <summary>What a competent operator sets for a read-mostly API on this machine: the working set in shared buffers,
    /// SSD page costs, no JIT (it costs short queries tens of milliseconds), and plans made for each request's values.</summary>
    private static readonly Dictionary<string, string> PostgresSettings = new()
    {
        ["shared_buffers"] = "1GB",
        ["effective_cache_size"] = "8GB",
        ["work_mem"] = "32MB",
        ["random_page_cost"] = "1.1",
        ["jit"] = "off",
        // PostGraphile sends parameterized statements; a generic plan cannot see the search pattern or the filter values and
        // walked the primary key of 196,602 series for `ILIKE $1 ... LIMIT 20`, where a plan for the value uses the trigram index.
        ["plan_cache_mode"] = "force_custom_plan",
        ["max_connections"] = "50",
    };

    /// <summary>Indexes the peer's query plans need beyond the export's (which indexes keys, foreign keys, facet fields and
    /// trigrams of searched texts): the filtered columns that EXPLAIN ANALYZE showed scanned, and concept synonyms as text for
    /// substring search (connection-filter has no substring operator on arrays; a computed column is the PostGraphile way); and
    /// statistics for the planner where its estimates made it walk the primary key for a LIMIT: modality and body part are
    /// correlated (MR of the axilla is rare), and the series descriptions' most common values cover all of them at 1000.</summary>
    public const string PeerIndexesSql = """
        CREATE INDEX series_slice_thickness ON series (slice_thickness);
        CREATE INDEX patient_age_at_diagnosis ON patient (age_at_diagnosis);
        CREATE INDEX series_study_modality_thickness ON series (study_id, modality, slice_thickness);
        CREATE INDEX diagnosis_patient_cancer_type ON diagnosis (patient_id, cancer_type_id);
        CREATE INDEX dataset_includes_patient_patient_dataset ON dataset_includes_patient (patient_id, dataset_id);
        CREATE FUNCTION concept_synonyms_text(c concept) RETURNS text LANGUAGE sql STABLE AS $$ SELECT array_to_string(c.synonyms, ' | ') $$;
        CREATE STATISTICS series_modality_body_part (mcv, dependencies) ON modality, body_part FROM series;
        ALTER TABLE series ALTER COLUMN description SET STATISTICS 1000;
        """;

    /// <summary>Run after the load and the indexes, on its own (VACUUM cannot run in a transaction): the statistics, and the
    /// visibility map the peer's index-only scans need, so that autovacuum does not do it while either side is timed.</summary>
    public const string VacuumSql = "VACUUM (ANALYZE);";

    /// <summary>auto_explain loaded in every session but off; <see cref="ExplainAsync"/> turns it on for one request per scenario.</summary>
    private static readonly Dictionary<string, string> ExplainSettings = new()
    {
        ["session_preload_libraries"] = "auto_explain",
        ["auto_explain.log_analyze"] = "on",
        ["auto_explain.log_buffers"] = "on",
        ["logging_collector"] = "on",
        ["log_directory"] = "log",
        ["log_filename"] = "postgres.log",
    };

    private const int CheckedFirst = 30;
    private const int CheckedSpread = 20;
    private const int DistinctWarmUp = 500;

    public static async Task<int> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var patients = arguments.Int("--patients", 20_000);
        var data = arguments.Get("--data") ?? Path.Combine(Path.GetTempPath(), $"graph-bench-{patients}");
        var concurrency = arguments.Int("--concurrency", 4);
        var seconds = arguments.Int("--seconds", 10);
        var warmUp = arguments.Int("--warmup", 3);
        // --ours-only [--scenario NAME]: our service alone (no export, PostgreSQL or PostGraphile), e.g. to attach dotnet-trace.
        var oursOnly = Array.IndexOf(arguments.Arguments, "--ours-only") >= 0;
        // --count N: timed requests of each distinct stream; --seed S: the streams' seed; --plans FILE: EXPLAIN ANALYZE (auto_explain)
        // of each distinct scenario's representative request on the peer, written to FILE.
        var count = arguments.Int("--count", 20_000);
        var seed = arguments.Int("--seed", 1);
        var plans = arguments.Get("--plans");
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
            postgres = await PostgresServer.StartAsync(Lifetime, plans is null ? PostgresSettings : PostgresSettings.Concat(ExplainSettings).ToDictionary(), cancellationToken);
            await postgres.PsqlFileAsync(PostgresExporter.LoadScript, export, cancellationToken: cancellationToken);
            await postgres.PsqlAsync(PeerIndexesSql, cancellationToken: cancellationToken);
            await postgres.PsqlAsync(VacuumSql, cancellationToken: cancellationToken);
            Console.WriteLine($"PostgreSQL: started and loaded (COPY, constraints, indexes, the benchmark's indexes, VACUUM ANALYZE) in {watch.Elapsed.TotalSeconds:F1} s on port {postgres.Port}");

            var peerFolder = Path.Combine(repo, "bench", "Graph.Bench.Peer", "postgraphile");
            if (!Directory.Exists(Path.Combine(peerFolder, "node_modules")))
                await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], peerFolder, cancellationToken);
            var peerPort = Ports.Free();
            peer = ServerProcess.Start("PostGraphile", "node", ["server.js", postgres.Url(), peerPort.ToString(CultureInfo.InvariantCulture), ((int)Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture)], peerFolder, Lifetime, new Dictionary<string, string> { ["NODE_ENV"] = "production" });
            var peerEndpoint = new Uri($"http://127.0.0.1:{peerPort}/graphql");
            await peer.WaitReadyAsync(peerEndpoint, anyAnswer: true, TimeSpan.FromSeconds(60), cancellationToken);

            Uri oursEndpoint;
            (ours, oursEndpoint) = await StartOursAsync(repo, work, cancellationToken);

            using var load = new LoadGenerator(concurrency, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds), _oursKey);
            var uids = (await postgres.PsqlAsync("SELECT series_instance_uid FROM series ORDER BY id", cancellationToken: cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var datasets = (await postgres.PsqlAsync("SELECT slug FROM dataset ORDER BY slug", cancellationToken: cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var texts = (await postgres.PsqlAsync(Scenarios.SearchedTextsSql, cancellationToken: cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('|', 2)).Select(p => (Kind: p[0], Text: p[1])).ToArray();
            var conceptNames = (await postgres.PsqlAsync(Scenarios.ConceptNamesSql, cancellationToken: cancellationToken)).Split('\n');
            var words = DistinctRequests.ComparableWords(texts.Select(t => t.Text), conceptNames);
            var distinct = DistinctScenarios(uids, datasets, DistinctRequests.Searches(words, texts, seed), DistinctRequests.WordPairs(words, texts, conceptNames, count + DistinctWarmUp, seed), count, seed);
            Console.WriteLine($"Distinct streams (seed {seed}): {string.Join("; ", distinct.Select(d => $"{d.Name}: {d.Ours.Count - d.WarmUp:N0} timed + {d.WarmUp:N0} warm-up"))}; {words.Count:N0} comparable words, e.g. {string.Join(", ", words.Take(8))}");
            var oursCursors = await WalkPagesAsync(load, oursEndpoint, Scenarios.OursPage, "patients", 30, cancellationToken);
            var peerCursors = await WalkPagesAsync(load, peerEndpoint, Scenarios.PeerPage, "allPatients", 30, cancellationToken);
            var repeatedWords = words.Where((_, i) => i % Math.Max(1, words.Count / 10) == 0).Take(10).ToArray();
            Scenario[] repeated = [Scenarios.Lookup(uids.Take(200).ToArray()), Scenarios.NestedPage(oursCursors, peerCursors), Scenarios.Facets(), Scenarios.Cohort(), Scenarios.Search(repeatedWords), Scenarios.Empty()];

            Console.WriteLine($"\nSame answers on both sides (checked before timing; distinct streams: the first {CheckedFirst} timed requests and {CheckedSpread} spread over the rest):");
            var agreed = true;
            foreach (var scenario in distinct.Concat(repeated))
                agreed &= await CheckAsync(load, scenario, oursEndpoint, peerEndpoint, cancellationToken);
            if (!agreed)
            {
                Console.WriteLine("The two sides disagree (above); nothing was timed.");
                return 1;
            }

            if (plans is not null)
                await ExplainAsync(postgres, load, peerEndpoint, distinct, plans, cancellationToken);

            Console.WriteLine($"\nTimed: {concurrency} concurrent clients, {warmUp} s warm-up, {seconds} s measured per scenario and side; the load generator runs on the same cores. Load average {LoadAverage()}.");
            var (oursId, peerId, postgresId) = (ours.Id, peer.Id, postgres.ProcessId);
            (Uri, Func<double>) oursSide = (oursEndpoint, () => ProcessTree.CpuSeconds(oursId));
            (Uri, Func<double>) peerSide = (peerEndpoint, () => ProcessTree.CpuSeconds(peerId) + ProcessTree.CpuSeconds(postgresId));
            var distinctRows = await MeasureAsync(load, distinct, oursSide, peerSide, cancellationToken);
            Console.WriteLine($"Load average {LoadAverage()}.");
            var repeatedRows = await MeasureAsync(load, repeated, oursSide, peerSide, cancellationToken);

            var oursMemory = ProcessTree.MemoryMiB(ours.Id);
            var nodeMemory = ProcessTree.MemoryMiB(peer.Id);
            var postgresMemory = ProcessTree.MemoryMiB(postgres.ProcessId);
            Console.WriteLine("\nDistinct requests (every request once; the same stream for both sides):");
            ResultTable.Print(distinctRows, distinct: true);
            Console.WriteLine("\nRepeated requests (a few requests cycled; our per-snapshot caches answer after the first):");
            ResultTable.Print(repeatedRows, distinct: false);
            ResultTable.PrintMemory(oursMemory, nodeMemory, postgresMemory);
            Console.WriteLine($"Load average after the run: {LoadAverage()}");
            return 0;
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

    /// <summary>The five scenarios as seeded streams of distinct requests (the same logical request for both sides).</summary>
    private static Scenario[] DistinctScenarios(IReadOnlyList<string> uids, IReadOnlyList<string> datasets, IReadOnlyList<SearchRequest> searches, IReadOnlyList<SearchRequest> pairs, int count, int seed)
    {
        return
        [
            // Lookups are the fastest requests: ten times the stream (every series at launch scale), so that ours is timed for
            // seconds, not the 2 s in which it ran through three times the stream.
            Scenarios.DistinctLookup(DistinctRequests.Keys(uids, 10 * count + DistinctWarmUp, seed), DistinctWarmUp),
            Scenarios.DistinctPages(DistinctRequests.Pages(count + DistinctWarmUp, seed), DistinctWarmUp),
            Scenarios.DistinctFacets(DistinctRequests.Facets(count + DistinctWarmUp, seed, datasets), DistinctWarmUp),
            Scenarios.DistinctCohorts(DistinctRequests.Cohorts(count + DistinctWarmUp, seed), DistinctWarmUp),
            // Far fewer word and kinds pairs than other requests exist: a tenth of them warms up.
            Scenarios.DistinctSearches(searches, Math.Max(1, searches.Count / 10)),
            Scenarios.DistinctWordPairs(pairs, Math.Min(DistinctWarmUp, pairs.Count / 10)),
        ];
    }

    private static async Task<List<(Scenario Scenario, LoadResult Ours, LoadResult Peer)>> MeasureAsync(LoadGenerator load, IEnumerable<Scenario> scenarios, (Uri Endpoint, Func<double> Cpu) ours, (Uri Endpoint, Func<double> Cpu) peer, CancellationToken cancellationToken)
    {
        var rows = new List<(Scenario Scenario, LoadResult Ours, LoadResult Peer)>();
        foreach (var scenario in scenarios)
        {
            var oursResult = await load.RunAsync(ours.Endpoint, scenario, scenario.Ours, ours.Cpu, cancellationToken);
            var peerResult = await load.RunAsync(peer.Endpoint, scenario, scenario.Peer, peer.Cpu, cancellationToken);
            rows.Add((scenario, oursResult, peerResult));
            Console.WriteLine($"  {scenario.Name}{(scenario.Distinct ? ", distinct" : ", repeated")}: ours {oursResult.Throughput:F0}/s ({oursResult.Requests:N0} requests{(oursResult.Exhausted ? ", stream ran out" : "")}), " +
                $"PostGraphile {peerResult.Throughput:F1}/s ({peerResult.Requests:N0} requests); load average {LoadAverage()}");
        }

        return rows;
    }

    /// <summary>Sends each distinct scenario's representative request (the first timed one, or the first searching every kind) to the peer with auto_explain on, and writes the plans PostgreSQL logged to <paramref name="file"/>.</summary>
    private static async Task ExplainAsync(PostgresServer postgres, LoadGenerator load, Uri peer, IEnumerable<Scenario> scenarios, string file, CancellationToken cancellationToken)
    {
        var log = Path.Combine(postgres.DataDirectory, "log", "postgres.log");
        var text = new System.Text.StringBuilder();
        foreach (var scenario in scenarios)
        {
            await postgres.PsqlAsync("ALTER SYSTEM SET auto_explain.log_min_duration = 0", cancellationToken: cancellationToken);
            await postgres.PsqlAsync("SELECT pg_reload_conf()", cancellationToken: cancellationToken);
            await Task.Delay(500, cancellationToken);
            var before = new FileInfo(log).Length;
            var representative = scenario.Representative ?? scenario.WarmUp;
            await load.SendAsync(peer, scenario.Peer[representative], cancellationToken);
            await postgres.PsqlAsync("ALTER SYSTEM SET auto_explain.log_min_duration = -1", cancellationToken: cancellationToken);
            await postgres.PsqlAsync("SELECT pg_reload_conf()", cancellationToken: cancellationToken);
            await Task.Delay(500, cancellationToken);
            using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(before, SeekOrigin.Begin);
            var plans = await new StreamReader(stream).ReadToEndAsync(cancellationToken);
            text.Append($"==== {scenario.Name}: request {representative}, {scenario.Describe!(representative)}\n{plans}\n");
            var scans = plans.Split('\n').Where(l => l.Contains("Seq Scan on", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
            Console.WriteLine($"  plans of {scenario.Name}: {plans.Split('\n').Count(l => l.Contains("duration:", StringComparison.Ordinal))} statements; sequential scans: {(scans.Length == 0 ? "none" : string.Join(" | ", scans))}");
        }

        await File.WriteAllTextAsync(file, text.ToString(), cancellationToken);
        Console.WriteLine($"EXPLAIN ANALYZE of each scenario's representative request on PostgreSQL written to {file}");
    }
}
