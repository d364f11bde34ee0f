using System.Diagnostics;
using Graph.Api.Hosting;
using Graph.Api.Schema;
using Graph.Catalog;
using Graph.Domain;
using Graph.Ingest.Demo;
using Graph.Store;
using GraphQL.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Graph.Bench;

/// <summary>Start-up load time, memory, node lookup and nested page latency at a given catalogue size.</summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var patients = arguments.Int("--patients", 20_000);
        var iterations = arguments.Int("--iterations", 2000);
        var data = arguments.Get("--data") ?? Path.Combine(Path.GetTempPath(), $"graph-bench-{patients}");
        Console.WriteLine($"Catalogue: {patients:N0} patients in {data}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:DataDirectory"] = data }).Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCatalogue(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<IGraphStore>();
        await store.EnsureSchemaAsync(CancellationToken.None);
        if (await store.GetSequenceAsync(CancellationToken.None) == 0)
        {
            var watch = Stopwatch.StartNew();
            var summary = await DemoSeeder.SeedAsync(services.GetRequiredService<GraphWriter>(), new DemoOptions { Patients = patients }, null, CancellationToken.None);
            Console.WriteLine($"seed (generate + validate + SQLite commit): {watch.Elapsed.TotalSeconds:F1} s for {summary.Counts.Series:N0} series");
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = services.GetRequiredService<CatalogIndex>();
        var load = Stopwatch.StartNew();
        await index.LoadAsync(CancellationToken.None);
        load.Stop();
        var snapshot = index.Current;
        var managed = GC.GetTotalMemory(forceFullCollection: true) - before;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"index load: {load.Elapsed.TotalSeconds:F2} s ({snapshot.Count(GraphModel.Patient):N0} patients, {snapshot.Count(GraphModel.Study):N0} studies, {snapshot.Count(GraphModel.Series):N0} series)");
        Console.WriteLine($"memory: index {managed / 1048576.0:F0} MiB managed, process resident {process.WorkingSet64 / 1048576.0:F0} MiB");

        var executor = services.GetRequiredService<CatalogExecutor>();
        executor.Schema.Initialize();
        var seriesIds = Enumerable.Range(0, 1000).Select(i => GlobalIdOf(snapshot, i * 97 % Math.Max(1, snapshot.Count(GraphModel.Series)))).ToArray();
        var lookup = await Latency.MeasureAsync(iterations, i => ExecuteAsync(executor, "query($id: ID!) { node(id: $id) { id ... on Series { modality bodyPart sliceThickness imageCount } } }", new() { ["id"] = seriesIds[i % seriesIds.Length] }));
        Console.WriteLine($"node lookup (series by global id):      {Latency.Format(lookup)}");

        var pages = Enumerable.Range(0, 50).Select(i => Graph.Catalog.Querying.Cursor.Encode(i * 20 * 7 % Math.Max(1, snapshot.Count(GraphModel.Patient) - 20))).ToArray();
        const string nested = """
            query($after: String) { patients(first: 20, after: $after) { edges { cursor node { pseudonym sex
              studies { totalCount nodes { studyInstanceUid year modalitiesInStudy
                series { totalCount nodes { seriesInstanceUid modality bodyPart manufacturer sliceThickness imageCount sizeBytes } } } } } } } }
            """;
        var page = await Latency.MeasureAsync(iterations, i => ExecuteAsync(executor, nested, new() { ["after"] = pages[i % pages.Length] }));
        Console.WriteLine($"nested page (20 patients -> studies -> series): {Latency.Format(page)}");
        return 0;
    }

    private static async Task ExecuteAsync(CatalogExecutor executor, string query, Dictionary<string, object?> variables)
    {
        var (result, _) = await executor.ExecuteAsync(new GraphQLRequest { Query = query, Variables = new GraphQL.Inputs(variables) }, null, null, null, CancellationToken.None);
        if (result.Errors is { Count: > 0 } errors)
            throw new InvalidOperationException(errors[0].Message);
    }

    private static string GlobalIdOf(CatalogSnapshot snapshot, int ordinal) =>
        GlobalId.Encode(GraphModel.Series, snapshot.At(GraphModel.Series, ordinal)!.Key);
}
