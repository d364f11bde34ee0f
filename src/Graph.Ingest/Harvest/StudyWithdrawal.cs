using Graph.Domain;
using Graph.Store;
using Microsoft.Extensions.Logging;

namespace Graph.Ingest.Harvest;

/// <summary>Marks withdrawn the studies a repository no longer lists, unless they still answer a lookup by UID; run only after a complete listing.</summary>
internal sealed class StudyWithdrawal(GraphWriter writer, HarvestOptions options, DicomWebSource source, ILogger logger)
{
    private const int Batch = 500;

    /// <summary>Withdraws the studies of the checkpoint that the run's complete listing did not show, and marks them so in the checkpoint.</summary>
    public async Task RunAsync(HarvestCheckpoint checkpoint, HarvestTally tally, CancellationToken cancellationToken)
    {
        var vanished = checkpoint.Studies.Where(s => !s.Value.Withdrawn && !tally.Seen.Contains(s.Key)).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
        var confirmed = new List<string>(vanished.Count);
        foreach (var uid in vanished)
        {
            // A study missed by paging while the repository changed still answers a lookup by UID. Remapped UIDs cannot
            // be looked up: such a study is withdrawn until the next listing shows it again.
            if (!options.RemapUids && await source.HasStudyAsync(uid, cancellationToken).ConfigureAwait(false))
                HarvestLog.KeptOnLookup(logger, uid, options.Repository);
            else
                confirmed.Add(uid);
        }

        foreach (var chunk in confirmed.Chunk(Batch))
        {
            var changes = new ChangeSet { Source = options.Source };
            foreach (var uid in chunk)
                changes.Add(NodeRecord.Of(GraphModel.Study, uid, ("status", "withdrawn")));
            tally.Count(await writer.WriteAsync(changes, cancellationToken).ConfigureAwait(false));
            foreach (var uid in chunk)
                checkpoint.Studies[uid].Withdrawn = true;
            tally.CountWithdrawn(chunk.Length);
        }

        if (confirmed.Count > 0)
            HarvestLog.Withdrawn(logger, confirmed.Count, options.Repository);
    }
}
