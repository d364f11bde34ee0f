namespace Graph.Bench;

/// <summary>Ontology-expanded facet queries side by side with the same queries on plain codes, warm (clauses cached) and cold (nothing cached).</summary>
internal static class OntologyBenchmark
{
    private const string Facets = """facets(fields: ["modality", "bodyPart", "manufacturer", "patient.sex", "study.year", "datasets.slug"], limit: 20) { field values { value count } missing other }""";
    private const string PatientFacets = """facets(fields: ["sex", "ageAtDiagnosis", "cancerTypes.code", "datasets.slug", "series.modality"], limit: 20) { field values { value count } missing other }""";

    /// <summary>Pairs of (name, plain query, ontology query) that select the same nodes.</summary>
    public static readonly (string Name, string Plain, string Ontology)[] Pairs =
    [
        ("series, body part (DICOM term vs SNOMED CT concept through Annex L)",
            $$"""{ series(first: 20, where: { bodyPart: { eq: "PROSTATE" }, modality: { eq: "MR" } }) { totalCount {{Facets}} } }""",
            $$"""{ series(first: 20, where: { bodyPart: { concept: { curie: "SCTID:41216001", includeNarrower: true } }, modality: { concept: { curie: "DCM:MR" } } }) { totalCount {{Facets}} } }"""),
        ("patients, cancer type (codes vs partner-style NCIt glioma with narrower)",
            $$"""{ patients(first: 20, where: { cancerTypes: { some: { code: { in: ["glioma", "glioblastoma"] } } } }) { totalCount {{PatientFacets}} } }""",
            $$"""{ patients(first: 20, where: { cancerTypes: { some: { concepts: { some: { curie: { concept: { curie: "NCIT:C3059", includeNarrower: true } } } } } } }) { totalCount {{PatientFacets}} } }"""),
        ("diagnoses, ICD-10 (code list vs SNOMED CT breast cancer with narrower)",
            """{ diagnoses(first: 20, where: { icd10: { in: ["C50.1", "C50.2", "C50.3", "C50.4", "C50.5", "C50.8", "C50.9"] } }) { totalCount facets(fields: ["stage", "grade", "icd10", "her2"]) { field values { value count } } } }""",
            """{ diagnoses(first: 20, where: { icd10: { concept: { curie: "SCTID:254837009", includeNarrower: true } } }) { totalCount facets(fields: ["stage", "grade", "icd10", "her2"]) { field values { value count } } } }"""),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var iterations = arguments.Int("--iterations", 300);
        var host = await BenchHost.StartAsync(arguments);
        Console.WriteLine($"index load: {host.LoadTime.TotalSeconds:F2} s, {host.Index.Current.Count(Domain.GraphModel.Series):N0} series, {host.Index.Current.Count(Domain.GraphModel.Concept):N0} concepts");
        foreach (var (name, plain, ontology) in Pairs)
        {
            var plainCount = await ResultAsync(host, plain);
            var ontologyCount = await ResultAsync(host, ontology);
            Console.WriteLine($"{name}:");
            Console.WriteLine($"  same answer: {Total(plainCount) == Total(ontologyCount)} ({Total(plainCount)} vs {Total(ontologyCount)})");
            foreach (var cold in new[] { false, true })
            {
                // Interleaved, so both variants see the same machine load.
                var plainTimes = new List<double>();
                var ontologyTimes = new List<double>();
                for (var i = 0; i < (cold ? Math.Max(20, iterations / 5) : iterations); i++)
                {
                    plainTimes.Add(await Time(host, plain, cold));
                    ontologyTimes.Add(await Time(host, ontology, cold));
                }

                var p = Percentile(plainTimes, 50);
                var o = Percentile(ontologyTimes, 50);
                Console.WriteLine($"  {(cold ? "cold" : "warm")}: plain p50 {p:F2} ms p99 {Percentile(plainTimes, 99):F2} ms; "
                    + $"ontology p50 {o:F2} ms p99 {Percentile(ontologyTimes, 99):F2} ms; ratio {o / p:F2}x");
            }
        }

        return 0;
    }

    private static double Percentile(List<double> samples, int percentile)
    {
        var sorted = samples.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, sorted.Length * percentile / 100)];
    }

    private static async Task<string> ResultAsync(BenchHost host, string query)
    {
        var (result, _) = await host.Executor.ExecuteAsync(new GraphQL.Transport.GraphQLRequest { Query = query }, null, null, host.Services, CancellationToken.None);
        if (result.Errors is { Count: > 0 } errors)
            throw new InvalidOperationException(errors[0].Message);
        return new GraphQL.SystemTextJson.GraphQLSerializer().Serialize(result);
    }

    private static async Task<double> Time(BenchHost host, string query, bool cold)
    {
        if (cold)
            host.Index.Current.Derived.Clear();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await host.ExecuteAsync(query);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static string Total(string json)
    {
        var start = json.IndexOf("\"totalCount\":", StringComparison.Ordinal);
        return start < 0 ? json[..Math.Min(200, json.Length)] : new string(json[(start + 13)..].TakeWhile(char.IsDigit).ToArray());
    }
}
