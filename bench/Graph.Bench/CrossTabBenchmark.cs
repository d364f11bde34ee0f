using System.Security.Claims;

namespace Graph.Bench;

/// <summary>crossTab with varied filters (cancer type, age range, modality, sex) and field pairs, at the patient and series levels,
/// as a curator (exact) and as an anonymous visitor (protected), interleaved: p50 and p99 of each.</summary>
internal static class CrossTabBenchmark
{
    private static readonly (string Level, string Rows, string Columns)[] Pairs =
    [
        ("Patient", "cancerTypes.code", "series.modality"),
        ("Series", "modality", "bodyPart"),
        ("Patient", "sex", "ageAtDiagnosis"),
        ("Series", "manufacturer", "patient.sex"),
        ("Patient", "datasets.slug", "vitalStatus"),
    ];

    private static readonly string[] CancerTypes = ["lung", "breast", "prostate", "colorectal", "liver", "glioma", "neuroblastoma", "rectum", "colon"];

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var host = await BenchHost.StartAsync(arguments);
        var iterations = arguments.Int("--iterations", 300);
        var curator = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "bench"), new Claim("role", "curator")], "bench"));
        string Query(int i)
        {
            var (level, rows, columns) = Pairs[i % Pairs.Length];
            var low = 20 + (i * 7 % 40);
            var filters = (i / Pairs.Length % 4) switch
            {
                0 => $"patients: {{ cancerTypes: {{ some: {{ code: {{ eq: \"{CancerTypes[i % CancerTypes.Length]}\" }} }} }} }}",
                1 => $"patients: {{ ageAtDiagnosis: {{ gte: {low}, lte: {low + 15 + (i % 10)} }} }}",
                2 => $"patients: {{ sex: {{ eq: \"{(i % 2 == 0 ? "F" : "M")}\" }}, ageAtDiagnosis: {{ gte: {low} }} }}, series: {{ modality: {{ in: [\"MR\", \"CT\"] }} }}",
                _ => $"series: {{ sliceThickness: {{ lte: {1 + (i % 5)} }} }}",
            };
            return $"{{ crossTab(level: \"{level}\", rows: \"{rows}\", columns: \"{columns}\", where: {{ {filters} }}) {{ cells {{ value total {{ value }} columns {{ values {{ value count {{ value }} }} missing {{ value }} }} }} }} }}";
        }

        var exact = await Latency.MeasureAsync(iterations, i => host.DataAsync(Query(i), curator));
        var protectedFigures = await Latency.MeasureAsync(iterations, i => host.DataAsync(Query(i + 1), BenchHost.Anonymous));
        Console.WriteLine($"crossTab, {iterations} varied queries ({Pairs.Length} field pairs x 4 filter shapes x varying values):");
        Console.WriteLine($"  as a curator (exact):             {Latency.Format(exact)}");
        Console.WriteLine($"  as an anonymous visitor (protected): {Latency.Format(protectedFigures)}");
        Console.WriteLine(BenchHost.Memory());
        return 0;
    }
}
