using System.Diagnostics;
using System.Text.Json;
using Graph.Ingest.Demo;
using Graph.Store;
using Graph.Store.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Bench.Peer;

partial class PeerBenchmark
{
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg")[..14];

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

    /// <summary>Every series' instance UID, read from our service a page of 1,000 at a time (for <c>--ours-only</c>, which has no
    /// PostgreSQL to read them from).</summary>
    private static async Task<List<string>> SeriesUidsAsync(LoadGenerator load, Uri endpoint, CancellationToken cancellationToken)
    {
        const string query = "query($after: String) { series(first: 1000, after: $after) { pageInfo { endCursor hasNextPage } nodes { seriesInstanceUid } } }";
        var uids = new List<string>();
        string? after = null;
        while (true)
        {
            using var answer = JsonDocument.Parse(await load.SendAsync(endpoint, Scenarios.Body(query, new { after }), cancellationToken));
            var page = answer.RootElement.GetProperty("data").GetProperty("series");
            uids.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("seriesInstanceUid").GetString()!));
            var info = page.GetProperty("pageInfo");
            if (!info.GetProperty("hasNextPage").GetBoolean())
                return uids;
            after = info.GetProperty("endCursor").GetString();
        }
    }

    /// <summary>Compares both sides' answers: every request of a repeated scenario (at most 30); of a distinct stream, the first
    /// <see cref="CheckedFirst"/> timed requests (the ones the peer is timed on) and <see cref="CheckedSpread"/> spread over the rest.</summary>
    private static async Task<bool> CheckAsync(LoadGenerator load, Scenario scenario, Uri ours, Uri peer, CancellationToken cancellationToken)
    {
        var total = Math.Min(scenario.Ours.Count, scenario.Peer.Count);
        var indices = scenario.Distinct
            ? Enumerable.Range(scenario.WarmUp, Math.Min(CheckedFirst, total - scenario.WarmUp))
                .Concat(Enumerable.Range(1, CheckedSpread).Select(i => scenario.WarmUp + CheckedFirst + (int)((long)(total - scenario.WarmUp - CheckedFirst - 1) * i / CheckedSpread)))
                .Where(i => i < total).Distinct().ToArray()
            : Enumerable.Range(0, Math.Min(total, 30)).ToArray();
        var same = 0;
        var differences = new List<string>();
        string? example = null;
        foreach (var i in indices)
        {
            var oursAnswer = Answer(await load.SendAsync(ours, scenario.Ours[i], cancellationToken), scenario.OursAnswer);
            var peerAnswer = Answer(await load.SendAsync(peer, scenario.Peer[i], cancellationToken), scenario.PeerAnswer);
            // The timed workers read answers on their own sockets: they must read what HttpClient reads.
            var oursAsWorker = Answer(load.SendAsWorker(ours, scenario.Ours[i]), scenario.OursAnswer);
            var peerAsWorker = Answer(load.SendAsWorker(peer, scenario.Peer[i]), scenario.PeerAnswer);
            example ??= oursAnswer;
            if (oursAsWorker != oursAnswer || peerAsWorker != peerAnswer)
                differences.Add($"\n    request {i}: the load generator's workers read {(oursAsWorker != oursAnswer ? $"from ours: {oursAsWorker}" : $"from PostGraphile: {peerAsWorker}")}");
            else if (oursAnswer == peerAnswer)
                same++;
            else if (differences.Count < 3)
                differences.Add($"\n    request {i}: {scenario.Describe?.Invoke(i) ?? "(repeated)"}\n      ours:         {oursAnswer}\n      PostGraphile: {peerAnswer}");
        }

        Console.WriteLine($"  {scenario.Name}{(scenario.Distinct ? ", distinct" : ", repeated")}: {same}/{indices.Length} requests agree" +
            (differences.Count == 0 ? $"; e.g. {Shorten(example!)}" : $"; DIFFERENT ANSWERS:{string.Concat(differences)}"));
        return differences.Count == 0;
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
