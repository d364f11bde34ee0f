using System.Diagnostics;
using Graph.Ingest.Demo;
using Graph.Store;

namespace Graph.Bench.Neo4j;

/// <summary>Applies the demo catalogue to a store set by set, then reads it all back, timing both.</summary>
internal static class CatalogueLoader
{
    public static async Task<LoadResult> RunAsync(string name, IGraphStore store, DemoOptions demo, CancellationToken cancellationToken)
    {
        await store.EnsureSchemaAsync(cancellationToken);
        long rows = 0, changed = 0;
        var sets = 0;
        var load = TimeSpan.Zero;
        foreach (var set in DemoCatalogue.Generate(demo))
        {
            var watch = Stopwatch.StartNew();
            var result = await store.ApplyAsync(set, cancellationToken);
            load += watch.Elapsed;
            rows += set.Count;
            changed += result.NodesChanged + result.EdgesChanged;
            if (++sets % 10 == 0)
                Console.WriteLine($"  {name}: {sets} sets, {rows:N0} rows, {rows / load.TotalSeconds:N0} rows/s");
        }

        var sink = new CountingSink();
        var read = Stopwatch.StartNew();
        await store.ReadAllAsync(sink, cancellationToken);
        return new LoadResult(name, rows, changed, sets, load, sink.Nodes + sink.Edges, read.Elapsed);
    }
}
