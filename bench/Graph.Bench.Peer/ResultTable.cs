namespace Graph.Bench.Peer;

/// <summary>Prints a side-by-side table and whether the targets were met.</summary>
internal static class ResultTable
{
    /// <summary>Throughput ratios issue #20 asks for with distinct requests.</summary>
    private static readonly Dictionary<string, double> ThroughputTargets = new()
    {
        ["node lookup by key"] = 4,
        ["nested page (patients > studies > series)"] = 5,
        ["facets (5 fields, 3-5 filters, via relationships)"] = 200,
        ["cohort count (2 relationships each way)"] = 50,
        ["text search (one word, all kinds or some)"] = 50,
        ["text search (two words of one text, some kinds)"] = 50,
    };

    /// <summary>Our p99 target in every scenario, in milliseconds.</summary>
    private const double P99Target = 25;

    /// <summary>One row per scenario: throughput and latency of both sides, their ratio, and the CPU time per request of each
    /// server and of the load generator (which shares the cores: a server that needs less CPU per request than the generator
    /// is held back by it, so the CPU ratio says what the throughput ratio would be on cores of its own).</summary>
    public static void Print(IReadOnlyList<(Scenario Scenario, LoadResult Ours, LoadResult Peer)> rows, bool distinct)
    {
        Console.WriteLine($"| scenario | ours req/s | ours p50 ms | ours p99 ms | PostGraphile req/s | PostGraphile p50 ms | PostGraphile p99 ms | throughput ratio | CPU µs/request, ours / PostGraphile | CPU ratio | load generator CPU µs/request, ours / PostGraphile |{(distinct ? " target |" : "")}");
        Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|{(distinct ? "---|" : "")}");
        foreach (var (scenario, ours, peer) in rows)
        {
            var ratio = ours.Throughput / peer.Throughput;
            var target = ThroughputTargets.GetValueOrDefault(scenario.Name);
            var verdict = (target == 0 ? "" : ratio >= target ? $"≥{target}× met" : $"≥{target}× MISSED") +
                (ours.P99 < P99Target ? $", p99<{P99Target} met" : $", p99<{P99Target} MISSED");
            var notes = (ours.Errors + peer.Errors > 0 ? $" (errors: ours {ours.Errors}, PostGraphile {peer.Errors})" : "") +
                (ours.Exhausted ? $" (ours ran through all {ours.Requests:N0} timed requests in {ours.Seconds:F1} s)" : "");
            Console.WriteLine($"| {scenario.Name}{notes} | {ours.Throughput:F0} | {ours.P50:F2} | {ours.P99:F2} | {peer.Throughput:F1} | {peer.P50:F1} | {peer.P99:F1} | {ratio:F1}× | " +
                $"{ours.ServerCpuMicroseconds:F0} / {peer.ServerCpuMicroseconds:F0} | {peer.ServerCpuMicroseconds / ours.ServerCpuMicroseconds:F1}× | {ours.GeneratorCpuMicroseconds:F0} / {peer.GeneratorCpuMicroseconds:F0} |{(distinct ? $" {verdict.TrimStart(',', ' ')} |" : "")}");
        }
    }

    public static void PrintMemory(double oursMiB, double nodeMiB, double postgresMiB) =>
        Console.WriteLine($"\nResident memory (PSS, after the run): ours {oursMiB:F0} MiB; PostGraphile {nodeMiB + postgresMiB:F0} MiB (Node {nodeMiB:F0} MiB + PostgreSQL {postgresMiB:F0} MiB).");
}
