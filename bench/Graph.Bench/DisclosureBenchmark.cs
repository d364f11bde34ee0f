using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;

namespace Graph.Bench;

/// <summary>
/// Disclosure control: how close protected answers stay to the truth for groups of 100 patients or more (usefulness), and what
/// protection costs (the same stream of distinct cohort previews as a curator, exact, and as an anonymous visitor, protected).
/// </summary>
internal static class DisclosureBenchmark
{
    private static readonly string[] CancerTypes = ["breast", "colon", "lung", "prostate", "rectum", "liver", "glioma", "neuroblastoma", "glioblastoma"];
    private static readonly string[] Modalities = ["CT", "MR", "PT", "MG", "US"];
    private static readonly string[] Sexes = ["F", "M"];

    private const string Figures = """
        patients { value } studies { value } series { value } datasets { value }
        patientFacets(fields: ["sex", "cancerTypes.code", "datasets.slug", "vitalStatus"], limit: 100) { field values { value count { value } } }
        seriesFacets(fields: ["modality", "bodyPart", "manufacturer"], limit: 100) { field values { value count { value } } }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var iterations = arguments.Int("--iterations", 300);
        var host = await BenchHost.StartAsync(arguments);
        Console.WriteLine($"index load: {host.LoadTime.TotalSeconds:F2} s, {host.Index.Current.Count(Domain.GraphModel.Series):N0} series");

        await UsefulnessAsync(host);
        await CostAsync(host, iterations, arguments.Int("--seed", 1));
        return 0;
    }

    // Every figure of previews over criteria of every cancer type, with and without an age range and a modality, compared with the truth.
    private static async Task UsefulnessAsync(BenchHost host)
    {
        var criteria = new List<string> { "" };
        foreach (var cancer in CancerTypes)
        {
            foreach (var age in new[] { "", "ageAtDiagnosis: { gte: 50, lt: 70 }" })
            {
                foreach (var modality in new[] { "", "CT", "MR" })
                {
                    var series = modality.Length == 0 ? "" : $"series: {{ modality: {{ eq: \"{modality}\" }} }}";
                    criteria.Add($"patients: {{ cancerTypes: {{ some: {{ code: {{ eq: \"{cancer}\" }} }} }}, {age} }}, {series}");
                }
            }
        }

        foreach (var (name, caller) in new[] { ("anonymous", BenchHost.Anonymous), ("researcher", BenchHost.Researcher) })
        {
            var errors = new List<double>();
            var withheld = 0;
            foreach (var c in criteria)
            {
                var query = $"{{ cohortPreview(criteria: {{ {c} }}) {{ {Figures} }} }}";
                var exact = Flatten((await host.DataAsync(query))["cohortPreview"]!);
                var shown = Flatten((await host.DataAsync(query, caller))["cohortPreview"]!);
                foreach (var (key, (truth, patientLevel)) in exact)
                {
                    // Groups of 100 patients or more: patient counts of 100+, and record counts of that many patients (each has several series).
                    if (!patientLevel || truth < 100)
                        continue;
                    if (!shown.TryGetValue(key, out var protectedValue))
                    {
                        withheld++;
                        continue;
                    }

                    errors.Add(Math.Abs(protectedValue.Value - truth) / truth);
                }
            }

            errors.Sort();
            Console.WriteLine($"usefulness, {name}: {errors.Count:N0} patient counts of 100 or more over {criteria.Count} previews; within 10 %: " +
                $"{100.0 * errors.Count(e => e <= 0.10) / Math.Max(1, errors.Count):F1} %; relative error p50 {100 * errors[errors.Count / 2]:F2} %, " +
                $"p99 {100 * errors[(int)(errors.Count * 0.99)]:F2} %, max {100 * errors[^1]:F2} %; withheld {withheld}");
        }
    }

    // The same stream of distinct previews (never one twice), interleaved: once exact (curator), once protected (anonymous).
    private static async Task CostAsync(BenchHost host, int iterations, int seed)
    {
        var random = new Random(seed);
        var stream = Enumerable.Range(0, iterations + 50).Select(i => Distinct(random, i)).ToList();
        var exact = new List<double>();
        var protectedTimes = new List<double>();
        for (var i = 0; i < stream.Count; i++)
        {
            var query = $"{{ cohortPreview(criteria: {{ {stream[i]} }}) {{ {Figures} }} }}";
            var first = i % 2 == 0;
            var a = await TimeAsync(host, query, first ? null : BenchHost.Anonymous);
            var b = await TimeAsync(host, query, first ? BenchHost.Anonymous : null);
            if (i < 50)
                continue;
            exact.Add(first ? a : b);
            protectedTimes.Add(first ? b : a);
        }

        Console.WriteLine($"cost, {iterations} distinct previews with 7 facets each: exact (curator) {Format(exact)}; protected (anonymous) {Format(protectedTimes)}; " +
            $"ratio of p50 {Percentile(protectedTimes, 0.5) / Percentile(exact, 0.5):F2}, of means {protectedTimes.Average() / exact.Average():F2}");

        // Dataset summaries, as the catalogue page of the explorer asks them (36 datasets, protected), against the same as a curator.
        // 200 warm-up and 300 timed requests at least: with fewer (60 requests of about a millisecond) the figure caught the
        // tiered compiler at work and varied 4-fold from run to run of the same build.
        var summaries = "{ datasets(first: 100) { nodes { summary { patients { value } series { value } totalBytes { value } seriesFacets(fields: [\"modality\"]) { values { value } } } } } }";
        var exactSummaries = await Latency.MeasureAsync(Math.Max(300, iterations / 10), _ => host.DataAsync(summaries));
        var protectedSummaries = await Latency.MeasureAsync(Math.Max(300, iterations / 10), _ => host.DataAsync(summaries, BenchHost.Anonymous));
        Console.WriteLine($"dataset summaries (36 datasets): exact {Latency.Format(exactSummaries)}; protected {Latency.Format(protectedSummaries)}");
        Console.WriteLine($"memory: {BenchHost.Memory()}");
    }

    private static string Distinct(Random random, int i)
    {
        var cancers = string.Join(", ", CancerTypes.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(c => $"\"{c}\""));
        var from = random.Next(20, 70);
        var to = from + random.Next(5, 30);
        var sex = random.Next(3) == 0 ? $", sex: {{ eq: \"{Sexes[random.Next(2)]}\" }}" : "";
        var modalities = string.Join(", ", Modalities.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(m => $"\"{m}\""));
        var thickness = (random.Next(1, 60) / 10.0 + (i % 7) * 0.001).ToString(CultureInfo.InvariantCulture);
        return $"patients: {{ cancerTypes: {{ some: {{ code: {{ in: [{cancers}] }} }} }}, ageAtDiagnosis: {{ gte: {from}, lt: {to} }}{sex} }}, " +
            $"series: {{ modality: {{ in: [{modalities}] }}, sliceThickness: {{ lte: {thickness} }} }}";
    }

    private static async Task<double> TimeAsync(BenchHost host, string query, ClaimsPrincipal? caller)
    {
        var start = Stopwatch.GetTimestamp();
        await host.DataAsync(query, caller);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    // Figures by name: counts at every level and every facet value, with whether the figure counts patients.
    private static Dictionary<string, (double Value, bool PatientLevel)> Flatten(JsonNode preview)
    {
        var figures = new Dictionary<string, (double, bool)>(StringComparer.Ordinal)
        {
            ["patients"] = ((double)preview["patients"]!["value"]!, true),
            ["series"] = ((double)preview["series"]!["value"]!, false),
            ["studies"] = ((double)preview["studies"]!["value"]!, false),
        };
        foreach (var (level, patientLevel) in new[] { ("patientFacets", true), ("seriesFacets", false) })
        {
            foreach (var facet in preview[level]!.AsArray())
            {
                foreach (var value in facet!["values"]!.AsArray())
                    figures[$"{level}.{facet["field"]}={value!["value"]}"] = ((double)value["count"]!["value"]!, patientLevel);
            }
        }

        return figures;
    }

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
    }

    private static string Format(List<double> samples) =>
        $"p50 {Percentile(samples, 0.5):F2} ms, p99 {Percentile(samples, 0.99):F2} ms, mean {samples.Average():F2} ms";
}
