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
        var host = await BenchHost.StartAsync(arguments);
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
}
