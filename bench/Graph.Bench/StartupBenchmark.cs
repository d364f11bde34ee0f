using Graph.Api.Schema.Types;
using Graph.Catalog.Querying;
using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Bench;

/// <summary>Start-up load time, memory, node lookup and nested page latency at a given catalogue size.</summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var iterations = arguments.Int("--iterations", 2000);
        var host = await BenchHost.StartAsync(arguments);
        var snapshot = host.Index.Current;
        Console.WriteLine($"index load: {host.LoadTime.TotalSeconds:F2} s ({snapshot.Count(GraphModel.Patient):N0} patients, {snapshot.Count(GraphModel.Study):N0} studies, {snapshot.Count(GraphModel.Series):N0} series)");
        Console.WriteLine($"memory after load: {BenchHost.Memory()}");

        // The series' CODED_AS links are derived, not stored: built whole at load and whenever concepts change.
        var coded = GraphModel.Relation("CODED_AS", "Series", "Concept")!;
        var build = await Latency.MeasureAsync(20, _ =>
        {
            CodedLinks.Build(coded, snapshot.Table(GraphModel.Series), snapshot.Table(GraphModel.Concept));
            return Task.CompletedTask;
        });
        Console.WriteLine($"series CODED_AS links derived: {snapshot.Count(coded):N0} links; whole rebuild {Latency.Format(build)}");

        var series = snapshot.Count(GraphModel.Series);
        var ids = Enumerable.Range(0, 1000).Select(i => GlobalId.Encode(GraphModel.Series, snapshot.At(GraphModel.Series, i * 97 % series)!.Key)).ToArray();
        var lookup = await Latency.MeasureAsync(iterations, i => host.ExecuteAsync(
            "query($id: ID!) { node(id: $id) { id ... on Series { modality bodyPart sliceThickness imageCount } } }", new() { ["id"] = ids[i % ids.Length] }));
        Console.WriteLine($"node lookup (series by global id):               {Latency.Format(lookup)}");

        var patients = snapshot.Count(GraphModel.Patient);
        var cursors = Enumerable.Range(0, 50).Select(i => Cursor.Encode(i * 140 % Math.Max(1, patients - 20))).ToArray();
        const string nested = """
            query($after: String) { patients(first: 20, after: $after) { edges { cursor node { pseudonym sex
              studies { totalCount nodes { studyInstanceUid year modalitiesInStudy
                series { totalCount nodes { seriesInstanceUid modality bodyPart manufacturer sliceThickness imageCount sizeBytes } } } } } } } }
            """;
        var page = await Latency.MeasureAsync(iterations, i => host.ExecuteAsync(nested, new() { ["after"] = cursors[i % cursors.Length] }));
        Console.WriteLine($"nested page (20 patients -> studies -> series): {Latency.Format(page)}");
        return 0;
    }
}
