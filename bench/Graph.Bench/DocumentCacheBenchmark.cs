using System.Diagnostics;

namespace Graph.Bench;

/// <summary>What the validated-document cache saves on a lookup by key: the same lookups with the cache on and off, interleaved.</summary>
/// <remarks>Run on two builds to compare them: the figure that matters is lookups per second with the cache on, and its gain
/// over off. On a machine shared with other work, wall time varies several-fold between rounds, so each round is also measured
/// in this process' CPU time (lookups per CPU second), which other processes barely disturb.</remarks>
internal static class DocumentCacheBenchmark
{
    private const string WithVariables =
        "query Lookup($key: String!) { seriesByKey(key: $key) { seriesInstanceUid modality study { studyInstanceUid patient { pseudonym } } } }";

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var iterations = arguments.Int("--iterations", 4000);
        var rounds = arguments.Int("--rounds", 5);
        var cached = await BenchHost.StartAsync(arguments);
        var uncached = await BenchHost.StartAsync(arguments, new Dictionary<string, string?> { ["Graph:Limits:DocumentCacheSize"] = "0" });
        var keys = cached.Index.Current.Count(Graph.Domain.GraphModel.Series) > 0 ? await KeysAsync(cached) : [];
        if (keys.Count == 0)
            throw new InvalidOperationException("The catalogue has no series.");

        // Each request asks for another series (a cached answer is not work); both sides get the same stream.
        Func<int, Task> Variables(BenchHost host) => i => host.ExecuteAsync(WithVariables, new Dictionary<string, object?> { ["key"] = keys[i % keys.Count] });
        Func<int, Task> Literal(BenchHost host) => i => host.ExecuteAsync(
            $"{{ seriesByKey(key: \"{keys[i % keys.Count]}\") {{ seriesInstanceUid modality study {{ studyInstanceUid patient {{ pseudonym }} }} }} }}");

        foreach (var (name, run) in new (string, Func<BenchHost, Func<int, Task>>)[] { ("with variables", Variables), ("literal key, no variables", Literal) })
        {
            var on = new List<(double Wall, double Cpu)>();
            var off = new List<(double Wall, double Cpu)>();
            for (var round = 0; round < rounds; round++)
            {
                on.Add(await PerSecondAsync(iterations, run(cached)));
                off.Add(await PerSecondAsync(iterations, run(uncached)));
            }

            var (onWall, onCpu) = (Median(on.Select(r => r.Wall)), Median(on.Select(r => r.Cpu)));
            var (offWall, offCpu) = (Median(off.Select(r => r.Wall)), Median(off.Select(r => r.Cpu)));
            Console.WriteLine($"lookup by key, {name}: cache on {onCpu:N0} per CPU second ({onWall:N0}/s wall), cache off {offCpu:N0} per CPU second ({offWall:N0}/s wall); "
                + $"the cache saves {1 - (offCpu / onCpu):P0} of a lookup's CPU time; medians of {rounds} rounds of {iterations:N0}");
        }

        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task<(double Wall, double Cpu)> PerSecondAsync(int iterations, Func<int, Task> operation)
    {
        for (var i = 0; i < 1000; i++)
            await operation(i);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
            await operation(i * 7 + 1);
        var wall = watch.Elapsed;
        process.Refresh();
        return (iterations / wall.TotalSeconds, iterations / (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static async Task<List<string>> KeysAsync(BenchHost host)
    {
        var keys = new List<string>();
        var request = new GraphQL.Transport.GraphQLRequest { Query = "{ series(first: 1000) { nodes { seriesInstanceUid } } }" };
        var (result, _) = await host.Executor.ExecuteAsync(request, null, null, host.Services, CancellationToken.None);
        var json = new GraphQL.SystemTextJson.GraphQLSerializer().Serialize(result);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        foreach (var node in document.RootElement.GetProperty("data").GetProperty("series").GetProperty("nodes").EnumerateArray())
            keys.Add(node.GetProperty("seriesInstanceUid").GetString()!);
        return keys;
    }
}
