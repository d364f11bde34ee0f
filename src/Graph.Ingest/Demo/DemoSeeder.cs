using System.Diagnostics;
using Graph.Store;

namespace Graph.Ingest.Demo;

/// <summary>Writes the synthetic demo catalogue through the writer, batch by batch.</summary>
/// <remarks>Seeding again with the same options changes nothing: the writer merges by natural key.</remarks>
public static class DemoSeeder
{
    /// <summary>Generates the catalogue and writes each ChangeSet, reporting progress after each.</summary>
    /// <exception cref="ChangeSetRejectedException">A ChangeSet was invalid; those before it were written.</exception>
    /// <exception cref="GraphStoreException">The store failed; the ChangeSets before the failing one were written.</exception>
    public static async Task<SeedSummary> SeedAsync(GraphWriter writer, DemoOptions options, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var total = DemoCatalogue.BatchCount(options);
        var clock = Stopwatch.StartNew();
        var counts = new CatalogueCounts();
        int batches = 0, changed = 0;
        long nodesChanged = 0, edgesChanged = 0, sequence = 0;
        foreach (var changes in DemoCatalogue.Generate(options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await writer.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            counts = counts.Add(changes);
            batches++;
            if (result.Changed)
                changed++;
            nodesChanged += result.NodesChanged;
            edgesChanged += result.EdgesChanged;
            sequence = result.Sequence;
            progress?.Report(new SeedProgress(batches, total, counts.Patients, options.Patients, counts.Series, clock.Elapsed));
        }

        return new SeedSummary(batches, changed, counts, nodesChanged, edgesChanged, sequence, clock.Elapsed);
    }
}
