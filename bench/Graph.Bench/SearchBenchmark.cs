namespace Graph.Bench;

/// <summary>Facet query (10 facets, 3 filters, one through a relationship), cohort preview and text search latency, and memory.</summary>
internal static class SearchBenchmark
{
    public const string FacetQuery = """
        { series(first: 20, where: { modality: { in: ["MR", "CT"] }, bodyPart: { neq: null }, patient: { sex: { eq: "F" } } }) {
            totalCount
            facets(fields: ["modality", "bodyPart", "manufacturer", "model", "contrast", "magneticFieldStrength", "patient.vitalStatus", "patient.sex", "study.year", "datasets.slug"], limit: 20) {
              field values { value count } missing other }
            nodes { seriesInstanceUid modality } } }
        """;

    public const string CohortQuery = """
        { cohortPreview(criteria: { patients: { cancerTypes: { some: { code: { in: ["prostate", "breast"] } } }, ageAtDiagnosis: { gte: 50 } },
                                    series: { modality: { eq: "MR" }, sliceThickness: { lte: 3 } } }) {
            patients { value } studies { value } series { value } datasets { value } repositories { value } totalBytes { value } } }
        """;

    public static readonly string[] SearchTexts = ["glioblastoma", "t2", "prostate mri", "dce", "synthetic lung", "liver"];

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var iterations = arguments.Int("--iterations", 300);
        var distinct = Array.IndexOf(args, "--distinct") >= 0;
        // Distinct requests at a million series and more on a loaded machine can take longer than the service's 10 s limit
        // (the first ones build the snapshot's path maps); the benchmark reports how long they take instead.
        var host = await BenchHost.StartAsync(arguments, distinct ? DistinctSettings : null);
        Console.WriteLine($"index load: {host.LoadTime.TotalSeconds:F2} s, {host.Index.Current.Count(Domain.GraphModel.Series):N0} series");
        if (distinct)
            return await DistinctAsync(host, iterations, arguments.Int("--seed", 1));
        var facets = await Latency.MeasureAsync(iterations, _ => host.ExecuteAsync(FacetQuery));
        Console.WriteLine($"facet query (10 facets, 3 filters, 1 across a relationship): {Latency.Format(facets)}");
        var cold = await Latency.MeasureAsync(Math.Max(20, iterations / 5), _ =>
        {
            // What the first request after a commit pays: no cached clauses, path maps or number ids.
            host.Index.Current.Derived.Clear();
            return host.ExecuteAsync(FacetQuery);
        });
        Console.WriteLine($"facet query, cold (first after a commit):                   {Latency.Format(cold)}");
        var cohort = await Latency.MeasureAsync(iterations, _ => host.ExecuteAsync(CohortQuery));
        Console.WriteLine($"cohort preview (patients x series criteria, all levels):       {Latency.Format(cohort)}");
        var search = await Latency.MeasureAsync(iterations, i => host.ExecuteAsync(
            "query($text: String!) { search(text: $text, first: 20) { totalCount hits { score node { id } } } }", new() { ["text"] = SearchTexts[i % SearchTexts.Length] }));
        Console.WriteLine($"text search (titles, names, descriptions):                   {Latency.Format(search)}");
        Console.WriteLine($"memory: {BenchHost.Memory()}");
        return 0;
    }

    /// <summary>The same three measurements over seeded streams of distinct requests (the peer benchmark's generator): every
    /// request is sent once, warm-up requests are others than the timed ones, so no whole answer is ever asked for twice.</summary>
    private static async Task<int> DistinctAsync(BenchHost host, int iterations, int seed)
    {
        var warmUp = Math.Min(200, iterations);
        var datasets = (await host.DataAsync("{ datasets(first: 100) { nodes { slug } } }"))["datasets"]!["nodes"]!.AsArray().Select(n => (string)n!["slug"]!).ToArray();
        Console.WriteLine($"distinct requests (seed {seed}): {warmUp} warm-up, then {iterations} timed, each sent once; load average {LoadAverage()}");
        var facetRequests = DistinctRequests.Facets(warmUp + iterations, seed, datasets);
        var facets = await Latency.MeasureDistinctAsync(warmUp, iterations, i => host.ExecuteAsync(facetRequests[i].Ours(FacetFields, 20)));
        Console.WriteLine($"facet query (10 facets, 3-5 filters, 1-3 across relationships), distinct: {Latency.Format(facets)}");
        var cohortRequests = DistinctRequests.Cohorts(warmUp + iterations, seed);
        var cohort = await Latency.MeasureDistinctAsync(warmUp, iterations, i => host.ExecuteAsync(cohortRequests[i].Ours()));
        Console.WriteLine($"cohort preview (patients x series criteria), distinct:          {Latency.Format(cohort)}");
        var searchRequests = DistinctRequests.ForgivingTexts(TextSearchBenchmark.SearchedTexts(host), warmUp + iterations, seed);
        var search = await Latency.MeasureDistinctAsync(warmUp, iterations, i => host.ExecuteAsync(
            "query($text: String!, $kinds: [String!]) { search(text: $text, kinds: $kinds, first: 20) { totalCount hits { score node { id } } } }",
            new() { ["text"] = searchRequests[i].Word, ["kinds"] = searchRequests[i].Kinds?.Cast<object?>().ToList() }));
        Console.WriteLine($"text search (words, prefixes, typos, pairs; all kinds or some), distinct: {Latency.Format(search)}");
        Console.WriteLine($"memory: {BenchHost.Memory()}; load average {LoadAverage()}");
        return 0;
    }

    public static readonly Dictionary<string, string?> DistinctSettings = new() { ["Graph:Limits:TimeoutSeconds"] = "600" };

    /// <summary>The facet fields of <see cref="FacetQuery"/>.</summary>
    private static readonly string[] FacetFields = ["modality", "bodyPart", "manufacturer", "model", "contrast", "magneticFieldStrength", "patient.vitalStatus", "patient.sex", "study.year", "datasets.slug"];

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg")[..14];
}
