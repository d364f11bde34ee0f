using Graph.Catalog.Querying;

namespace Graph.Bench;

/// <summary>Text search latency over varied queries as users type them: whole words, prefixes, typos, abbreviations, synonyms, codes, second pages.</summary>
internal static class TextSearchBenchmark
{
    public static readonly string[] Texts =
    [
        "glioblastoma", "gliobl", "glioblastma", "prostrate", "hcc", "gbm", "nsclc", "brain tumour", "t2", "dce", "prostate mri",
        "synthetic lung", "liver", "mamography", "heidleberg", "astrocytoma", "oligodendroglima", "c71", "9440/3", "computed tomografy",
        "magnetic resonance", "pediatric", "colorectl", "breast cancer", "pet ct", "axial", "contrast", "flair", "diffusion", "neuroblastome",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var iterations = arguments.Int("--iterations", 500);
        var distinct = Array.IndexOf(args, "--distinct") >= 0;
        var host = await BenchHost.StartAsync(arguments, distinct ? SearchBenchmark.DistinctSettings : null);
        if (distinct)
            return await DistinctAsync(host, iterations, arguments.Int("--seed", 1));
        Console.WriteLine($"index load: {host.LoadTime.TotalSeconds:F2} s, {host.Index.Current.Count(Domain.GraphModel.Series):N0} series, {Texts.Length} query texts");
        // Agreement check: the GraphQL answer is the library's answer.
        var direct = TextSearch.Search(host.Index.Current, "glioblastma", null, 20);
        Console.WriteLine($"'glioblastma': {direct.TotalCount:N0} hits, best {direct.Hits.FirstOrDefault()?.Node.Key}");
        const string query = "query($text: String!, $after: String) { search(text: $text, first: 20, after: $after) { totalCount hasNextPage endCursor hits { score highlights { start length } node { id } } } }";
        var first = await Latency.MeasureAsync(iterations, i => host.ExecuteAsync(query, new() { ["text"] = Texts[i % Texts.Length] }));
        Console.WriteLine($"text search, first page (varied texts):  {Latency.Format(first)}");
        var cursors = Texts.Select(t => TextSearch.Search(host.Index.Current, t, null, 20).Hits.LastOrDefault()?.Cursor).ToArray();
        var second = await Latency.MeasureAsync(iterations, i => host.ExecuteAsync(query, new() { ["text"] = Texts[i % Texts.Length], ["after"] = cursors[i % Texts.Length] }));
        Console.WriteLine($"text search, second page (after cursor): {Latency.Format(second)}");
        Console.WriteLine($"memory: {BenchHost.Memory()}");
        return 0;
    }

    /// <summary>Every distinct text of every searched field, as the search reads them.</summary>
    public static List<string> SearchedTexts(BenchHost host)
    {
        var snapshot = host.Index.Current;
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (kind, field, _) in TextSearch.Fields)
        {
            var table = snapshot.Table(kind);
            for (var node = 0; node < table.Count; node++)
            {
                if (!table.IsLive(node))
                    continue;
                switch (table.Get(node, field))
                {
                    case string text:
                        texts.Add(text);
                        break;
                    case string[] list:
                        texts.UnionWith(list);
                        break;
                }
            }
        }

        return [.. texts.Order(StringComparer.Ordinal)];
    }

    /// <summary>First and second pages over a seeded stream of distinct texts (words, word starts, typos, word pairs; all kinds
    /// or some): warm-up texts are others than the timed ones, and no text is searched twice for its first page. The second page
    /// of a text follows its first page, as when a user pages on.</summary>
    private static async Task<int> DistinctAsync(BenchHost host, int iterations, int seed)
    {
        var warmUp = Math.Min(200, iterations);
        var texts = SearchedTexts(host);
        var requests = DistinctRequests.ForgivingTexts(texts, warmUp + iterations, seed);
        Console.WriteLine($"index load: {host.LoadTime.TotalSeconds:F2} s, {host.Index.Current.Count(Domain.GraphModel.Series):N0} series; {texts.Count:N0} distinct searched texts; " +
            $"{warmUp} warm-up and {iterations} timed distinct requests (seed {seed}), e.g. {string.Join(", ", requests.Skip(warmUp).Take(6))}; load average {SearchBenchmark.LoadAverage()}");
        const string query = "query($text: String!, $kinds: [String!], $after: String) { search(text: $text, kinds: $kinds, first: 20, after: $after) { totalCount hasNextPage endCursor hits { score highlights { start length } node { id } } } }";
        Dictionary<string, object?> Variables(SearchRequest r, string? after) => new() { ["text"] = r.Word, ["kinds"] = r.Kinds?.Cast<object?>().ToList(), ["after"] = after };
        var first = await Latency.MeasureDistinctAsync(warmUp, iterations, i => host.ExecuteAsync(query, Variables(requests[i], null)));
        Console.WriteLine($"text search, first page, distinct:  {Latency.Format(first)}");
        var cursors = requests.Select(r => TextSearch.Search(host.Index.Current, r.Word, r.Kinds, 20).Hits.LastOrDefault()?.Cursor).ToArray();
        var second = await Latency.MeasureDistinctAsync(warmUp, iterations, i => host.ExecuteAsync(query, Variables(requests[i], cursors[i])));
        Console.WriteLine($"text search, second page (after its first page), distinct: {Latency.Format(second)}");
        Console.WriteLine($"memory: {BenchHost.Memory()}; load average {SearchBenchmark.LoadAverage()}");
        return 0;
    }
}
