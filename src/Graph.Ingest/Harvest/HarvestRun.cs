using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Graph.Dicom;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Studies;
using Graph.Store;
using Microsoft.Extensions.Logging;

namespace Graph.Ingest.Harvest;

/// <summary>One run of harvesting a repository: list its studies page by page, read the new and changed ones whole, write
/// them in batches of whole studies, mark the vanished ones withdrawn, and record the run as a HarvestRun node.</summary>
/// <remarks>
/// A study is read and written whole or not at all; its fingerprint enters the checkpoint only once it is written.
/// A failure of one study is counted and the others go on; failures that make the rest pointless (credentials refused,
/// the repository's circuit open, the listing broken, the store failing) end the run as failed, with the reason
/// recorded. Withdrawals happen only after a complete listing.
/// </remarks>
internal sealed class HarvestRun(
    IGraphStore store, GraphWriter writer, HarvestOptions options, DicomWebSource source, IProgress<HarvestProgress>? progress, TimeProvider time, ILogger logger)
{
    private readonly string _checkpointPath = HarvestCheckpoint.PathFor(options.DataDirectory, options.Repository);
    private readonly HarvestTally _tally = new();
    private HarvestCheckpoint _checkpoint = new();
    private DateTimeOffset _lastSave;
    private KnownSeries? _knownSeries;
    private StoredStudies? _storedStudies;

    /// <summary>Runs the harvest and records it; a cancelled run is recorded as failed, then the cancellation goes on.</summary>
    public async Task<HarvestSummary> ExecuteAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var startedAt = time.GetUtcNow();
        var runId = HarvestRunRecords.NewRunId(options.Repository, startedAt);
        _tally.Sequence = await store.GetSequenceAsync(cancellationToken).ConfigureAwait(false);
        _checkpoint = HarvestCheckpoint.Open(_checkpointPath, options.Repository, options.Dataset, _tally.Sequence, logger);
        var start = HarvestRunRecords.Started(options.Repository, runId, startedAt, options.Source);
        if (_checkpoint.RunningRunId is { } interrupted)
        {
            HarvestLog.Interrupted(logger, interrupted, options.Repository);
            start.Add(HarvestRunRecords.Interrupted(interrupted));
        }

        _tally.Count(await writer.WriteAsync(start, cancellationToken).ConfigureAwait(false));
        _checkpoint.RunningRunId = runId;
        Save();
        HarvestLog.Starting(logger, runId, options.Repository, options.Dataset, options.Full);

        var status = HarvestStatus.Failed;
        string? message;
        var cancelled = false;
        try
        {
            await HarvestAsync(cancellationToken).ConfigureAwait(false);
            status = _tally.Errors == 0 ? HarvestStatus.Succeeded : HarvestStatus.Partial;
            message = _tally.Errors == 0 ? null : $"{_tally.Errors} studies could not be harvested; the first: {_tally.FirstError}";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
            message = "The run was cancelled. The studies written before are whole; the next run goes on from the checkpoint.";
        }
        catch (Exception e) when (e is DicomWebException or DeidentificationException or GraphStoreException or ChangeSetRejectedException
            or ArgumentException or IOException or UnauthorizedAccessException)
        {
            message = e.Message;
            HarvestLog.Failed(logger, runId, options.Repository, e.Message);
        }

        var summary = _tally.Summary(runId, options, status, message);

        // The record of the run is written even when the run was cancelled, within a bounded time.
        using (var finishing = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            _tally.Count(await writer.WriteAsync(new ChangeSet { Source = options.Source }.Add(HarvestRunRecords.Finished(summary, time.GetUtcNow())), finishing.Token).ConfigureAwait(false));
        _checkpoint.RunningRunId = null;
        Save();
        HarvestLog.Finished(
            logger, runId, options.Repository, status.ToText(), watch.ElapsedMilliseconds, _tally.Seen.Count, _tally.Unchanged, _tally.Written, _tally.Withdrawn, _tally.Errors);
        if (cancelled)
            throw new OperationCanceledException(message, cancellationToken);
        return summary with { NodesChanged = _tally.Nodes, EdgesChanged = _tally.Edges, Sequence = _tally.Sequence, Elapsed = watch.Elapsed };
    }

    private async Task HarvestAsync(CancellationToken cancellationToken)
    {
        var deidentifier = options.Deidentifier();
        var remapper = options.RemapUids ? new UidRemapper(options.Key!) : null;
        var fingerprints = new StudyFingerprints(options.Key, options.PassThroughIds, options.RemapUids, options.RetainCleanDescriptions);
        var reader = new StudyReader(source, deidentifier);
        _tally.Count(await CatalogueHome.EnsureAsync(store, writer, options.Repository, options.Dataset, options.Source, cancellationToken).ConfigureAwait(false));

        for (var offset = 0; ;)
        {
            var page = await source.StudiesAsync(offset, options.PageSize, cancellationToken).ConfigureAwait(false);
            var toRead = new List<ListedStudy>();
            var fresh = 0;
            foreach (var listed in page)
            {
                string sourceUid;
                try
                {
                    sourceUid = source.Uid(listed, DicomTag.StudyInstanceUID);
                }
                catch (DicomWebException e)
                {
                    fresh++;
                    Fail("(unknown)", e.Message);
                    continue;
                }

                var graphUid = remapper?.Remap(sourceUid) ?? sourceUid;
                if (!_tally.Seen.Add(graphUid))
                    continue;
                fresh++;
                var fingerprint = fingerprints.Of(listed);
                if (!options.Full && _checkpoint.Studies.TryGetValue(graphUid, out var known) && !known.Withdrawn && known.Fingerprint == fingerprint)
                    _tally.CountUnchanged();
                else
                    toRead.Add(new ListedStudy(sourceUid, graphUid, fingerprint));
            }

            HarvestLog.Page(logger, options.Repository, offset, page.Count, toRead.Count);
            await ReadAndWriteAsync(reader, toRead, cancellationToken).ConfigureAwait(false);
            Report();
            // Stop at an empty page, or at a page of studies seen already (a server that ignores offset).
            if (page.Count == 0 || fresh == 0)
                break;
            offset += page.Count;
        }

        await new StudyWithdrawal(writer, options, source, logger).RunAsync(_checkpoint, _tally, cancellationToken).ConfigureAwait(false);
        Save();
    }

    private async Task ReadAndWriteAsync(StudyReader reader, List<ListedStudy> toRead, CancellationToken cancellationToken)
    {
        if (toRead.Count == 0)
            return;
        var read = new HarvestedStudy?[toRead.Count];
        ExceptionDispatchInfo? stop = null;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, toRead.Count),
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                async (i, token) => read[i] = await ReadOneAsync(reader, toRead[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (DicomWebException e) when (e.StopsRun)
        {
            // Write what was read whole before the run stops.
            stop = ExceptionDispatchInfo.Capture(e);
        }

        // The catalogue is asked about the page's studies once, not once per batch.
        _storedStudies ??= new StoredStudies(store);
        await _storedStudies.LookUpAsync(read.OfType<HarvestedStudy>().Select(s => s.Plan).ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var batch in read.OfType<HarvestedStudy>().Chunk(options.BatchStudies))
            await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        stop?.Throw();
    }

    private async Task<HarvestedStudy?> ReadOneAsync(StudyReader reader, ListedStudy listed, CancellationToken cancellationToken)
    {
        try
        {
            var study = await reader.ReadAsync(listed, cancellationToken).ConfigureAwait(false);
            var errors = GraphWriter.Validate(HarvestedStudy.Build([study], options.Dataset, options.Source));
            if (errors.Count == 0)
                return study;
            Fail(listed.GraphUid, string.Join(" ", errors));
        }
        catch (DicomWebException e) when (!e.StopsRun)
        {
            Fail(listed.GraphUid, e.Message);
        }
        catch (DeidentificationException e)
        {
            Fail(listed.GraphUid, e.Message);
        }

        return null;
    }

    private async Task WriteAsync(HarvestedStudy[] batch, CancellationToken cancellationToken)
    {
        // A study the catalogue holds under another patient, or with a series it holds under another study, is refused whole.
        var stored = _storedStudies ??= new StoredStudies(store);
        await stored.LookUpAsync(batch.Select(s => s.Plan).ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var refused in batch.Where(s => stored.Conflict(s.Plan) is not null))
            Fail(refused.Listed.GraphUid, stored.Conflict(refused.Plan)!);
        batch = batch.Where(s => stored.Conflict(s.Plan) is null).ToArray();
        if (batch.Length == 0)
            return;

        // An annotation links to the series it was drawn on when that series is in this batch, was written before, or is in the store.
        var known = _knownSeries ??= new KnownSeries(store);
        var inBatch = batch.SelectMany(s => s.Plan.Series).Select(s => s.Uid).ToHashSet(StringComparer.Ordinal);
        await known.LookUpAsync(
            batch.SelectMany(s => s.Plan.Annotations).SelectMany(a => a.SourceSeries).Where(uid => !inBatch.Contains(uid)), cancellationToken).ConfigureAwait(false);
        var plans = batch.Select(s => s.Plan).ToArray();
        var unlinked = plans.Select(p => IngestCatalogue.Unlinked(p, plans, known.Contains)).ToArray();
        try
        {
            var result = await writer.WriteAsync(HarvestedStudy.Build(batch, options.Dataset, options.Source, known.Contains, stored), cancellationToken).ConfigureAwait(false);
            _tally.Count(result);
            HarvestLog.Batch(logger, batch.Length, options.Repository, result.NodesChanged, result.EdgesChanged, result.Sequence);
        }
        catch (ChangeSetRejectedException) when (batch.Length > 1)
        {
            foreach (var study in batch)
                await WriteAsync([study], cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (ChangeSetRejectedException e)
        {
            Fail(batch[0].Listed.GraphUid, e.Message);
            return;
        }

        known.Written(inBatch);
        foreach (var study in batch)
            stored.Written(study.Plan);
        for (var i = 0; i < batch.Length; i++)
        {
            var study = batch[i];
            _checkpoint.Studies[study.Listed.GraphUid] = new CheckpointStudy { Fingerprint = study.Listed.Fingerprint };
            if (unlinked[i] > 0)
                study.Plan.Study.Warn(InstanceWarnings.AnnotationSourceUnknown);
            _tally.CountWritten(study.Plan);
            if (study.Plan.Study.Warnings is var warnings and not InstanceWarnings.None)
                HarvestLog.StudyWarned(logger, study.Listed.GraphUid, options.Repository, WarningText.Of(warnings));
        }

        if (time.GetUtcNow() - _lastSave >= options.CheckpointInterval)
            Save();
        Report();
    }

    private void Fail(string studyUid, string reason)
    {
        _tally.Fail(reason);
        HarvestLog.StudyFailed(logger, studyUid, options.Repository, reason);
    }

    private void Save()
    {
        _checkpoint.StoreSequence = _tally.Sequence;
        _lastSave = time.GetUtcNow();
        _checkpoint.Save(_checkpointPath, _lastSave);
    }

    private void Report() => progress?.Report(_tally.Progress());
}
