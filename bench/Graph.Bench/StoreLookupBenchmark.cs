using Graph.Store;
using Graph.Store.Sqlite;

namespace Graph.Bench;

/// <summary>What an ingest or harvest pays to ask the store about a page of studies: the scoped read of every study, series,
/// HAS_STUDY and HAS_SERIES filtered in memory (StoredStudies before keyed reads), against the keyed read of just the page's
/// UIDs (after); and the same for the series an annotation names (KnownSeries).</summary>
internal static class StoreLookupBenchmark
{
    private static readonly ReadScope Studies = new(["Study", "Series"], ["HAS_STUDY", "HAS_SERIES"]);

    private static readonly ReadScope Series = ReadScope.Nodes("Series");

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var data = arguments.Get("--data") ?? throw new ArgumentException("--data DIR (a folder with graph.db; it is opened, so use a copy) is required");
        var pageStudies = arguments.Int("--studies", 100);
        var scans = arguments.Int("--scans", 5);
        var iterations = arguments.Int("--iterations", 200);
        var store = new SqliteGraphStore(Path.Combine(data, "graph.db"));
        await store.EnsureSchemaAsync(CancellationToken.None);

        // The pages a harvest would ask about: studies spread over the catalogue, each with its series.
        var all = new Finder(null);
        await store.ReadAllAsync(all, Studies, CancellationToken.None);
        var studies = all.SeriesOfStudy.Keys.Order(StringComparer.Ordinal).ToArray();
        var stride = Math.Max(1, studies.Length / (pageStudies * (iterations + 20)));
        string[] Page(int i) =>
        [
            .. Enumerable.Range(0, pageStudies).Select(j => studies[((i * pageStudies) + j) * stride % studies.Length])
                .SelectMany(study => all.SeriesOfStudy[study].Append(study)),
        ];
        Console.WriteLine($"store: {all.Nodes:N0} study and series nodes, {all.Edges:N0} HAS_STUDY and HAS_SERIES relationships; a page: {pageStudies} studies, about {Page(0).Length} UIDs");

        // Both ways keep the same rows of a page.
        var (scanned, keyed) = (new Finder(Page(0).ToHashSet(StringComparer.Ordinal)), new Finder(Page(0).ToHashSet(StringComparer.Ordinal)));
        await store.ReadAllAsync(scanned, Studies, CancellationToken.None);
        await store.ReadAllAsync(keyed, Studies.OfKeys(Page(0)), CancellationToken.None);
        Console.WriteLine($"page 0: {scanned.Nodes} nodes and {scanned.Edges} relationships kept from the scoped read, {keyed.Nodes} and {keyed.Edges} from the keyed read");

        var found = 0;
        var before = await Latency.MeasureDistinctAsync(1, scans, async i =>
        {
            var keys = Page(i).ToHashSet(StringComparer.Ordinal);
            var sink = new Finder(keys);
            await store.ReadAllAsync(sink, Studies, CancellationToken.None);
            found = sink.Nodes + sink.Edges;
        });
        Console.WriteLine($"StoredStudies lookup, scoped read filtered in memory (before): {Latency.Format(before)}; {found} rows kept");
        var after = await Latency.MeasureDistinctAsync(20, iterations, async i =>
        {
            var page = Page(i);
            var sink = new Finder(page.ToHashSet(StringComparer.Ordinal));
            await store.ReadAllAsync(sink, Studies.OfKeys(page), CancellationToken.None);
            found = sink.Nodes + sink.Edges;
        });
        Console.WriteLine($"StoredStudies lookup, keyed read (after): {Latency.Format(after)}; {found} rows kept");

        var seriesBefore = await Latency.MeasureDistinctAsync(1, scans, async i =>
        {
            var sink = new Finder(Page(i).Take(10).ToHashSet(StringComparer.Ordinal));
            await store.ReadAllAsync(sink, Series, CancellationToken.None);
        });
        Console.WriteLine($"KnownSeries lookup of 10 UIDs, every series read (before): {Latency.Format(seriesBefore)}");
        var seriesAfter = await Latency.MeasureDistinctAsync(20, iterations, async i =>
        {
            var keys = Page(i).Take(10).ToArray();
            await store.ReadAllAsync(new Finder(keys.ToHashSet(StringComparer.Ordinal)), (Series with { KeysOnly = ["Series"] }).OfKeys(keys), CancellationToken.None);
        });
        Console.WriteLine($"KnownSeries lookup of 10 UIDs, keyed read (after): {Latency.Format(seriesAfter)}");
        return 0;
    }

    /// <summary>Keeps what StoredStudies keeps: nodes of the keys, relationships ending at them (every one when no keys are given).</summary>
    private sealed class Finder(HashSet<string>? keys) : IChangeSink
    {
        public Dictionary<string, List<string>> SeriesOfStudy { get; } = new(StringComparer.Ordinal);

        public int Nodes { get; private set; }

        public int Edges { get; private set; }

        public void Node(StoredNode node)
        {
            if (keys?.Contains(node.Node.Key) ?? true)
                Nodes++;
            if (keys is null && node.Node.Label == "Study")
                SeriesOfStudy.TryAdd(node.Node.Key, []);
        }

        public void Edge(StoredEdge edge)
        {
            if (keys?.Contains(edge.Edge.To.Key) ?? true)
                Edges++;
            if (keys is null && edge.Edge.Type == "HAS_SERIES")
                SeriesOfStudy[edge.Edge.From.Key].Add(edge.Edge.To.Key);
        }
    }
}
