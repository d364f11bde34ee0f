using Microsoft.Extensions.Logging;

namespace Graph.Ingest.Harvest;

/// <summary>What a harvest logs: slugs, run ids, counts, graph UIDs and reasons; never credentials nor a patient identifier.</summary>
internal static partial class HarvestLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest {RunId} of repository {Repository} into dataset {Dataset} started (full: {Full})")]
    public static partial void Starting(ILogger logger, string runId, string repository, string dataset, bool full);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The harvest checkpoint of repository {Repository} is ignored: {Reason}")]
    public static partial void CheckpointIgnored(ILogger logger, string repository, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Harvest {RunId} of repository {Repository} was interrupted; marked failed")]
    public static partial void Interrupted(ILogger logger, string runId, string repository);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Repository {Repository} listed {Count} studies at offset {Offset}; {ToRead} new or changed")]
    public static partial void Page(ILogger logger, string repository, int offset, int count, int toRead);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Study {StudyInstanceUid} of repository {Repository} was not harvested: {Reason}")]
    public static partial void StudyFailed(ILogger logger, string studyInstanceUid, string repository, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {StudyInstanceUid} of repository {Repository} was harvested with warnings: {Warnings}")]
    public static partial void StudyWarned(ILogger logger, string studyInstanceUid, string repository, string warnings);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Studies} studies of repository {Repository}: {Nodes} nodes and {Edges} relationships changed, store at change {Sequence}")]
    public static partial void Batch(ILogger logger, int studies, string repository, int nodes, int edges, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {StudyInstanceUid} is no longer in the listing of repository {Repository} but answers a lookup; not withdrawn")]
    public static partial void KeptOnLookup(ILogger logger, string studyInstanceUid, string repository);

    [LoggerMessage(Level = LogLevel.Information, Message = "Marked {Count} studies of repository {Repository} withdrawn: it no longer lists them")]
    public static partial void Withdrawn(ILogger logger, int count, string repository);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} to repository {Repository} failed ({Problem}); attempt {Attempt} of {MaxAttempts} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string repository, string what, string problem, int attempt, int maxAttempts, long delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Harvest {RunId} of repository {Repository} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string runId, string repository, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest {RunId} of repository {Repository} ended {Status} in {ElapsedMs} ms: {Seen} studies listed, {Unchanged} unchanged, {Written} written, {Withdrawn} withdrawn, {Errors} errors")]
    public static partial void Finished(ILogger logger, string runId, string repository, string status, long elapsedMs, int seen, int unchanged, int written, int withdrawn, int errors);
}
