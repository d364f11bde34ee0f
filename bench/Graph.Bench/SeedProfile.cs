using System.Diagnostics;
using Graph.Catalog;
using Graph.Ingest.Demo;
using Graph.Store;
using Graph.Store.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Bench;

/// <summary>Where seeding time goes: generation, validation, SQLite commits and index catch-up, measured apart.</summary>
internal static class SeedProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var patients = new BenchArguments(args).Int("--patients", 5000);
        var options = new DemoOptions { Patients = patients };
        var watch = Stopwatch.StartNew();
        var sets = DemoCatalogue.Generate(options).ToList();
        var items = sets.Sum(s => s.Count);
        Console.WriteLine($"generate: {watch.Elapsed.TotalSeconds:F2} s for {items:N0} nodes and relationships");
        watch.Restart();
        foreach (var set in sets)
            GraphWriter.Validate(set);
        Console.WriteLine($"validate: {watch.Elapsed.TotalSeconds:F2} s");
        var path = Path.Combine(Path.GetTempPath(), $"seed-profile-{Guid.NewGuid():N}.db");
        await using var store = new SqliteGraphStore(path);
        await store.EnsureSchemaAsync(CancellationToken.None);
        var index = new CatalogIndex(store, NullLogger<CatalogIndex>.Instance);
        double commit = 0, catchUp = 0;
        foreach (var set in sets)
        {
            watch.Restart();
            await store.ApplyAsync(set, CancellationToken.None);
            commit += watch.Elapsed.TotalSeconds;
            watch.Restart();
            await index.CatchUpAsync(CancellationToken.None);
            catchUp += watch.Elapsed.TotalSeconds;
        }

        Console.WriteLine($"SQLite commit: {commit:F2} s; index catch-up: {catchUp:F2} s");
        watch.Restart();
        await new CatalogIndex(store, NullLogger<CatalogIndex>.Instance).LoadAsync(CancellationToken.None);
        Console.WriteLine($"index load from store: {watch.Elapsed.TotalSeconds:F2} s");
        File.Delete(path);
        return 0;
    }
}
