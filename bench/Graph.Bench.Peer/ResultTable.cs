namespace Graph.Bench.Peer;

/// <summary>Prints the side-by-side table and whether the targets were met.</summary>
internal static class ResultTable
{
    private static readonly Dictionary<string, double> ThroughputTargets = new()
    {
        ["node lookup by key"] = 2,
        ["nested page (20 patients > studies > series)"] = 2,
        ["facets (5 fields, 3 filters, 1 via relationship)"] = 10,
        ["cohort count (2 relationships each way)"] = 10,
    };

    public static void Print(IReadOnlyList<(Scenario Scenario, LoadResult Ours, LoadResult Peer)> rows, double oursMiB, double nodeMiB, double postgresMiB)
    {
        Console.WriteLine();
        Console.WriteLine($"| scenario | ours req/s | ours p50 ms | ours p99 ms | PostGraphile req/s | PostGraphile p50 ms | PostGraphile p99 ms | throughput ratio | target |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (scenario, ours, peer) in rows)
        {
            var ratio = ours.Throughput / peer.Throughput;
            var target = ThroughputTargets.GetValueOrDefault(scenario.Name);
            var verdict = (target == 0 ? "" : ratio >= target ? $"≥{target}× met" : $"≥{target}× MISSED") +
                (ours.P99 < 50 ? ", p99<50 met" : ", p99<50 MISSED");
            var errors = ours.Errors + peer.Errors > 0 ? $" (errors: ours {ours.Errors}, PostGraphile {peer.Errors})" : "";
            Console.WriteLine($"| {scenario.Name}{errors} | {ours.Throughput:F0} | {ours.P50:F2} | {ours.P99:F2} | {peer.Throughput:F1} | {peer.P50:F1} | {peer.P99:F1} | {ratio:F1}× | {verdict.TrimStart(',', ' ')} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Resident memory (PSS, after the run): ours {oursMiB:F0} MiB; PostGraphile {nodeMiB + postgresMiB:F0} MiB (Node {nodeMiB:F0} MiB + PostgreSQL {postgresMiB:F0} MiB).");
    }
}
