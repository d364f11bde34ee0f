using System.Diagnostics;
using Graph.Catalog;
using Graph.Domain;
using Graph.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Bench;

/// <summary>What the index file saves at a restart: the index loaded from the store against the same index read from its file.</summary>
internal static class RestartBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var rounds = arguments.Int("--rounds", 3);
        var host = await BenchHost.StartAsync(arguments);
        var store = host.Services.GetRequiredService<IGraphStore>();
        var file = Path.Combine(Path.GetTempPath(), $"graph-bench-restart-{Environment.ProcessId}.index");
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                File.Delete(file);
                var (expected, storeTime, save) = await LoadAndSaveAsync(store, file);
                var (fromFile, fileTime) = await LoadAsync(store, file);
                if (expected != Counts(fromFile.Current))
                    throw new InvalidOperationException($"The two loads differ:\n{expected}\n{Counts(fromFile.Current)}");
                Console.WriteLine($"round {round}: load from the store {storeTime.TotalSeconds:F2} s; save {save.TotalSeconds:F2} s, " +
                    $"{new FileInfo(file).Length / 1048576.0:F0} MiB; load from the file {fileTime.TotalSeconds:F2} s; same counts ({fromFile.Current.Count(GraphModel.Series):N0} series, every kind)");
            }
        }
        finally
        {
            File.Delete(file);
        }

        return 0;
    }

    // Loads from the store and saves the file; the index is dropped when this returns, as a stopped service's is.
    private static async Task<(string Counts, TimeSpan Load, TimeSpan Save)> LoadAndSaveAsync(IGraphStore store, string file)
    {
        var (index, load) = await LoadAsync(store, file);
        var save = Stopwatch.StartNew();
        if (!await index.SaveAsync(CancellationToken.None))
            throw new InvalidOperationException("The index was not saved (an empty store?).");
        return (Counts(index.Current), load, save.Elapsed);
    }

    private static async Task<(CatalogIndex Index, TimeSpan Time)> LoadAsync(IGraphStore store, string file)
    {
        GC.Collect();
        var index = new CatalogIndex(store, NullLogger<CatalogIndex>.Instance) { FilePath = file };
        var watch = Stopwatch.StartNew();
        await index.LoadAsync(CancellationToken.None);
        return (index, watch.Elapsed);
    }

    private static string Counts(CatalogSnapshot snapshot) =>
        string.Join(", ", GraphModel.NodeKinds.Select(k => $"{k.Label} {snapshot.Count(k)}").Concat(GraphModel.Relations.Select(r => $"{r.Id} {snapshot.Count(r)}")));
}
