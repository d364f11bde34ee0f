using Graph.Store;
using Microsoft.Extensions.Logging;

namespace Graph.Ingest.Harvest;

/// <summary>Harvests a registered repository over DICOMweb (QIDO-RS and WADO-RS metadata) into the graph, incrementally.</summary>
/// <remarks>
/// The repository's base URL comes from its Repository node; credentials come from the options, never from the graph.
/// Studies are de-identified as DICOM file ingest does, written whole, and fingerprinted in a checkpoint under the data
/// folder, so the next run reads and writes only what changed; studies the repository stops listing are marked
/// withdrawn. Each run is recorded as a HarvestRun node. Orthanc and most DICOMweb servers do not answer
/// modified-since queries reliably, hence fingerprints rather than dates.
/// </remarks>
public sealed class DicomWebHarvester(IGraphStore store, GraphWriter writer, HttpClient http, ILogger logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Runs one harvest of a repository and returns what it did; a failed run is recorded and returned, not thrown.</summary>
    /// <param name="options">The repository, dataset, data folder, de-identification and resilience settings.</param>
    /// <param name="circuit">The repository's circuit, kept across runs by a scheduler; null gives the run a fresh one.</param>
    /// <param name="progress">Told after each page and each batch of studies written.</param>
    /// <param name="cancellationToken">Cancels the run; the run is recorded as failed before the cancellation goes on.</param>
    /// <exception cref="ArgumentException">An option is out of range, or the repository is not registered or has no usable base URL.</exception>
    /// <exception cref="InvalidOperationException">Another harvest of the repository is running.</exception>
    /// <exception cref="GraphStoreException">The store failed while the run was being recorded.</exception>
    public async Task<HarvestSummary> RunAsync(HarvestOptions options, RepositoryCircuit? circuit, IProgress<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        Check(options);
        var repository = await RepositoryRegistry.FindAsync(store, options.Repository, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"No repository '{options.Repository}' is registered: add it with 'graph repository add' or the addRepository mutation.", nameof(options));
        if (RepositoryRegistration.CheckBaseUrl(repository.BaseUrl) is { } urlError)
            throw new ArgumentException($"Repository '{options.Repository}' cannot be harvested: its base URL {urlError}.", nameof(options));

        using var gate = HarvestLock.Acquire(options.DataDirectory, options.Repository);
        circuit ??= new RepositoryCircuit(5, TimeSpan.FromMinutes(10), _time);
        var client = new DicomWebClient(http, new Uri(repository.BaseUrl!), options, circuit, logger);
        var run = new HarvestRun(store, writer, options, new DicomWebSource(client), progress, _time, logger);
        return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Check(HarvestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CheckSlugs();
        ArgumentException.ThrowIfNullOrEmpty(options.DataDirectory, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchStudies, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RequestTimeout, TimeSpan.Zero, nameof(options));
    }
}
