using Microsoft.Extensions.Logging;

namespace Graph.Ingest.Dicom;

/// <summary>What a folder ingest logs: counts and slugs only, never a path (paths can carry names) nor a patient identifier.</summary>
internal static partial class DicomIngestLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Ingesting {Files} files into dataset {Dataset} of repository {Repository} with {Parallelism} readers")]
    public static partial void Starting(ILogger logger, int files, string dataset, string repository, int parallelism);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Files} files in {ElapsedMs} ms: {Instances} instances of {Series} series, {Studies} studies, {Patients} patients; {Rejected} rejected, {Skipped} skipped")]
    public static partial void Read(ILogger logger, int files, long elapsedMs, int instances, int series, int studies, int patients, int rejected, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Count} files as {Kind}; the rejects report names them")]
    public static partial void Rejected(ILogger logger, int count, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} files named another study than the other files of their series, or another patient than the other files of their study, and were rejected; the rejects report names them")]
    public static partial void Conflicts(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} descriptions that carried identifying values or dates")]
    public static partial void DescriptionsRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote batch {Batch} of {Batches}: {Studies} studies, {Nodes} nodes and {Edges} relationships changed, store at change {Sequence}")]
    public static partial void Batch(ILogger logger, int batch, int batches, int studies, int nodes, int edges, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The writer refused a batch of {Studies} studies; writing them one by one")]
    public static partial void BatchRefused(ILogger logger, int studies);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The writer refused a study of {Files} files: {Errors} errors")]
    public static partial void StudyRefused(ILogger logger, int files, int errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest finished in {ElapsedMs} ms: {Nodes} nodes and {Edges} relationships changed, store at change {Sequence}")]
    public static partial void Finished(ILogger logger, long elapsedMs, long nodes, long edges, long sequence);
}
