using System.Diagnostics;
using System.Globalization;
using Graph.Catalog;
using Graph.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Bench;

/// <summary>Facet queries right after real commits through the writer: the first query of each kind after a commit of one study
/// (commit-facets), and 4 clients sending distinct facet queries while a writer commits a study every 100 ms (commit-load).</summary>
/// <remarks>The runs commit to the store, so by default they work on a copy of the seeded folder (<c>graph-bench-N-commits</c>),
/// never on the one other benchmarks read.</remarks>
internal static partial class CommitBenchmark
{
    private static readonly string[] FacetFields = ["modality", "bodyPart", "manufacturer", "model", "contrast", "magneticFieldStrength", "patient.vitalStatus", "patient.sex", "study.year", "datasets.slug"];

    // The search benchmark's facet query, and varied ones: other clauses, other facets, other kinds.
    private static readonly (string Name, string Query)[] Queries =
    [
        ("search facet query (10 facets, 3 filters)", SearchBenchmark.FacetQuery),
        ("series, body part and year filters", Facets("""bodyPart: { in: ["BREAST", "CHEST"] }, study: { year: { gte: 2012 } }""")),
        ("series, dataset and contrast filters", Facets("""contrast: { eq: true }, patient: { vitalStatus: { neq: null } }""")),
        ("patients, through their series", """
            { patients(first: 10, where: { sex: { eq: "M" }, series: { some: { modality: { eq: "CT" } } } }) {
                totalCount facets(fields: ["sex", "vitalStatus", "ageAtDiagnosis", "series.modality", "datasets.slug"], limit: 20) { field values { value count } missing } } }
            """),
    ];

    public static async Task<int> RunFacetsAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var iterations = arguments.Int("--iterations", 100);
        // --rebuild: every snapshot derives its values anew (as before snapshots patched them), for comparison in the same conditions.
        CatalogSnapshot.Inheriting = !arguments.Arguments.Contains("--rebuild");
        var host = await StartAsync(arguments);
        var commits = new Commits(host, new Random(arguments.Int("--seed", 1)));
        Console.WriteLine($"index load: {host.LoadTime.TotalSeconds:F2} s, {host.Index.Current.Count(GraphModel.Series):N0} series; load average {LoadAverage()}; derived values {(CatalogSnapshot.Inheriting ? "patched" : "rebuilt")} after commits");
        foreach (var (_, query) in Queries)
            await host.ExecuteAsync(query);
        var warm = await Latency.MeasureAsync(50, _ => host.ExecuteAsync(SearchBenchmark.FacetQuery));
        Console.WriteLine($"warm (no commit between):                       {Latency.Format(warm)}");

        var commitTimes = new List<double>();
        var first = Queries.Select(_ => new List<double>()).ToArray();
        var second = Queries.Select(_ => new List<double>()).ToArray();
        var applyPatched = 0;
        for (var i = 0; i < iterations; i++)
        {
            // Alternately a new study (with its series) of an existing patient and a changed attribute of one series.
            var start = Stopwatch.GetTimestamp();
            await (i % 2 == 0 ? commits.NewStudyAsync() : commits.ChangeSeriesAsync());
            commitTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var snapshot = host.Index.Current;
            if (arguments.Arguments.Contains("--profile"))
            {
                // Where the first query's time goes, clause by clause and facet by facet, then the same again.
                Console.WriteLine($"first: {FacetProfile.Profile(snapshot)}");
                Console.WriteLine($"again: {FacetProfile.Profile(snapshot)}");
            }

            for (var q = 0; q < Queries.Length; q++)
            {
                start = Stopwatch.GetTimestamp();
                await host.ExecuteAsync(Queries[q].Query);
                first[q].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            // The same queries again on the same snapshot: what they cost with nothing to derive, in the same conditions.
            for (var q = 0; q < Queries.Length; q++)
            {
                start = Stopwatch.GetTimestamp();
                await host.ExecuteAsync(Queries[q].Query);
                second[q].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            applyPatched += snapshot.Rebuilt == 0 ? 1 : 0;
        }

        Console.WriteLine($"{iterations} commits of one study or one series (writer, SQLite, index apply): {Format(commitTimes)}");
        for (var q = 0; q < Queries.Length; q++)
        {
            Console.WriteLine($"first after a commit, {Queries[q].Name,-44} {Format(first[q])}");
            Console.WriteLine($"  again, same snapshot                                             {Format(second[q])}");
        }

        if (CatalogSnapshot.Inheriting)
            Console.WriteLine($"snapshots whose derived values were all patched (none rebuilt): {applyPatched} of {iterations}");
        Console.WriteLine($"load average {LoadAverage()}");
        return 0;
    }

    public static async Task<int> RunLoadAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var seconds = arguments.Int("--seconds", 30);
        var clients = arguments.Int("--clients", 4);
        var interval = arguments.Int("--interval", 100);
        CatalogSnapshot.Inheriting = !arguments.Arguments.Contains("--rebuild");
        var host = await StartAsync(arguments);
        var commits = new Commits(host, new Random(arguments.Int("--seed", 1)));
        Console.WriteLine($"index load: {host.LoadTime.TotalSeconds:F2} s, {host.Index.Current.Count(GraphModel.Series):N0} series; load average {LoadAverage()}; derived values {(CatalogSnapshot.Inheriting ? "patched" : "rebuilt")} after commits");
        // As a running service is: every path map and number id the queries use derived once (a commit then only patches them).
        var warmup = new Random(99);
        for (var i = 0; i < 20; i++)
            await host.ExecuteAsync(DistinctQuery(warmup));

        var gc = (Pause: GC.GetTotalPauseDuration(), Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var commitTimes = new List<double>();
        var writer = Task.Run(async () =>
        {
            var i = 0;
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(interval));
            while (await WaitAsync(timer, stop.Token))
            {
                var start = Stopwatch.GetTimestamp();
                await (i++ % 2 == 0 ? commits.NewStudyAsync() : commits.ChangeSeriesAsync());
                commitTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
        // Every query is sent once by one client: a drawn query that was sent before is drawn again.
        var sent = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var redrawn = 0;
        var readers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(100 + client);
            var samples = new List<double>();
            while (!stop.IsCancellationRequested)
            {
                var query = DistinctQuery(random);
                while (!sent.TryAdd(query, 0))
                {
                    Interlocked.Increment(ref redrawn);
                    query = DistinctQuery(random);
                }

                // A client's request arrives from the network, as a new work item: a loop of queries that all complete
                // synchronously would otherwise hold its pool thread for ever and starve the writer's continuations.
                await Task.Yield();
                var start = Stopwatch.GetTimestamp();
                await host.ExecuteAsync(query);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return samples;
        })).ToArray();
        await writer;
        var all = (await Task.WhenAll(readers)).SelectMany(s => s).ToList();
        Console.WriteLine($"{seconds} s, a commit every {interval} ms ({commitTimes.Count} commits: {Format(commitTimes)}), {clients} clients");
        Console.WriteLine($"facet queries: {all.Count} (all distinct; {redrawn} draws repeated one and were drawn again): {Format(all)}");
        Console.WriteLine($"garbage collections: {GC.CollectionCount(0) - gc.Gen0} / {GC.CollectionCount(1) - gc.Gen1} / {GC.CollectionCount(2) - gc.Gen2} (gen 0 / 1 / 2), paused {(GC.GetTotalPauseDuration() - gc.Pause).TotalMilliseconds:F0} ms in all");
        Console.WriteLine($"load average {LoadAverage()}");
        return 0;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellation)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // A series facet query with a random combination of clauses (modalities in one order, so that distinct texts are distinct filters): modalities, body part, sex, year, contrast, field strength.
    private static string DistinctQuery(Random random)
    {
        string[] modalities = ["MR", "CT", "PT", "US", "MG", "CR", "NM", "DX"];
        string[] bodyParts = ["BREAST", "CHEST", "PROSTATE", "BRAIN", "LIVER", "ABDOMEN", "HEAD"];
        var clauses = new List<string>
        {
            $"modality: {{ in: [{string.Join(", ", modalities.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Order(StringComparer.Ordinal).Select(m => $"\"{m}\""))}] }}",
        };
        if (random.Next(2) == 0)
            clauses.Add(random.Next(3) == 0 ? "bodyPart: { neq: null }" : $"bodyPart: {{ eq: \"{bodyParts[random.Next(bodyParts.Length)]}\" }}");
        if (random.Next(2) == 0)
            clauses.Add($"patient: {{ sex: {{ eq: \"{(random.Next(2) == 0 ? "F" : "M")}\" }} }}");
        if (random.Next(3) == 0)
            clauses.Add($"study: {{ year: {{ gte: {random.Next(2000, 2022).ToString(CultureInfo.InvariantCulture)} }} }}");
        if (random.Next(4) == 0)
            clauses.Add($"contrast: {{ eq: {(random.Next(2) == 0 ? "true" : "false")} }}");
        if (random.Next(4) == 0)
            clauses.Add($"magneticFieldStrength: {{ gte: {random.Next(1, 4).ToString(CultureInfo.InvariantCulture)} }}");
        return Facets(string.Join(", ", clauses));
    }

    private static string Facets(string where) => $$"""
        { series(first: 20, where: { {{where}} }) {
            totalCount
            facets(fields: [{{string.Join(", ", FacetFields.Select(f => $"\"{f}\""))}}], limit: 20) { field values { value count } missing other }
            nodes { seriesInstanceUid modality } } }
        """;

    private static string Format(List<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0
            ? "no samples"
            : $"p50 {sorted[sorted.Length / 2]:F2} ms, p99 {sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))]:F2} ms, max {sorted[^1]:F2} ms (n={sorted.Length})";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    // The first queries on a freshly loaded million series derive every path map: on a loaded machine they take longer than the service's limit.
    private static readonly Dictionary<string, string?> Settings = new() { ["Graph:Limits:TimeoutSeconds"] = "300" };

    // The runs commit, so they use a copy of the seeded folder unless --data is given.
    private static Task<BenchHost> StartAsync(BenchArguments arguments)
    {
        if (arguments.Get("--data") is not null)
            return BenchHost.StartAsync(arguments, Settings);
        var patients = arguments.Int("--patients", 20_000);
        var seeded = Path.Combine(Path.GetTempPath(), $"graph-bench-{patients}");
        var copy = seeded + "-commits";
        if (!File.Exists(Path.Combine(copy, "graph.db")) && File.Exists(Path.Combine(seeded, "graph.db")))
        {
            Console.WriteLine($"copying {seeded} to {copy} (the runs commit to it)");
            Directory.CreateDirectory(copy);
            foreach (var file in Directory.GetFiles(seeded).Where(f => !f.EndsWith("-shm", StringComparison.Ordinal) && !f.EndsWith("-wal", StringComparison.Ordinal)))
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return BenchHost.StartAsync(new BenchArguments([.. arguments.Arguments, "--data", copy]), Settings);
    }
}
