using System.Diagnostics;
using Graph.Catalog;
using Graph.Ingest;
using Graph.Ingest.Demo;
using Graph.Ingest.Vocabulary;
using Graph.Store;
using Microsoft.Extensions.Options;

namespace Graph.Api.Hosting;

/// <summary>Prepares the store, loads the index, seeds the demo catalogue into an empty store, then follows the change feed.</summary>
internal sealed partial class CatalogStartup(
    IGraphStore store,
    GraphWriter writer,
    CatalogIndex index,
    IOptions<GraphOptions> options,
    Graph.Hosting.StoreSettings storeSettings,
    IHostApplicationLifetime lifetime,
    Observability.ServiceMetrics metrics,
    ILogger<CatalogStartup> logger) : BackgroundService
{
    /// <summary>Whether the index is loaded and any first seeding has finished.</summary>
    public bool IsReady { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            await store.EnsureSchemaAsync(stoppingToken);
        }
        catch (GraphStoreException e) when (!e.IsTransient)
        {
            // A store that cannot work (wrong server version, Query API off, bad credentials) stops the service at once, saying what to change.
            LogStoreRefused(storeSettings.Describe(), e.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return;
        }

        await index.LoadAsync(stoppingToken);
        if (settings.SeedDemoOnEmptyStore && index.Current.Sequence == 0)
            await SeedAsync(settings, stoppingToken);
        await LoadReferenceDataAsync(stoppingToken);
        IsReady = true;
        LogReady(index.Current.Count(Domain.GraphModel.Series), index.Current.Sequence);

        // The index file is written beside the requests, never in their way: after the first load, then every interval while the
        // catalogue changes, and when the service stops.
        var saving = index.SaveAsync(stoppingToken);
        var saveInterval = TimeSpan.FromSeconds(Math.Max(1, settings.IndexFileIntervalSeconds));
        var lastSave = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(Math.Max(0.05, settings.FollowIntervalSeconds));

        // Tombstones older than the retention are erased beside the requests too: once now, then every hour.
        var purging = Task.CompletedTask;
        Stopwatch? lastPurge = null;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (saving.IsCompleted && lastSave.Elapsed >= saveInterval)
            {
                saving = index.SaveAsync(stoppingToken);
                lastSave.Restart();
            }

            if (settings.PurgeTombstonesAfterDays > 0 && purging.IsCompleted && (lastPurge is null || lastPurge.Elapsed >= PurgeInterval))
            {
                purging = PurgeAsync(TimeSpan.FromDays(Math.Min(settings.PurgeTombstonesAfterDays, 36_500)), stoppingToken);
                lastPurge = Stopwatch.StartNew();
            }

            try
            {
                var applied = await index.CatchUpAsync(stoppingToken);
                metrics.Followed();
                if (applied > 0)
                    LogFollowed(applied, index.Current.Sequence);
            }
            catch (GraphStoreException e)
            {
                LogFollowFailed(e.Message);
            }
        }
    }

    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    // A failure (a read-only store, a server away) is logged and tried again at the next interval.
    private async Task PurgeAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            var result = await store.PurgeTombstonesAsync(DateTimeOffset.UtcNow - retention, cancellationToken);
            if (result.Nodes + result.Edges > 0)
                LogPurged(result.Nodes, result.Edges, retention.TotalDays, result.PurgedThrough, watch.ElapsedMilliseconds);
        }
        catch (GraphStoreException e)
        {
            LogPurgeFailed(e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The service is stopping; the next start purges.
        }
    }

    /// <summary>Stops following the store, then saves the index file if the catalogue changed since it was saved.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (IsReady)
            await index.SaveAsync(cancellationToken);
    }

    private async Task SeedAsync(GraphOptions settings, CancellationToken cancellationToken)
    {
        LogSeeding(settings.DemoPatients);
        var watch = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var progress = new SyncProgress<SeedProgress>(p =>
        {
            if (watch.Elapsed - lastReport < TimeSpan.FromSeconds(2) && p.Patients < settings.DemoPatients)
                return;
            lastReport = watch.Elapsed;
            LogSeedProgress(p.Patients, settings.DemoPatients, p.Series);
        });
        var summary = await DemoSeeder.SeedAsync(writer, new DemoOptions { Patients = settings.DemoPatients }, progress, cancellationToken);
        LogSeeded(summary.Counts.Patients, summary.Counts.Series, watch.ElapsedMilliseconds);
    }

    /// <summary>Adds the cancer types and seed vocabulary the catalogue lacks; a store that cannot be written leaves the catalogue readable.</summary>
    private async Task LoadReferenceDataAsync(CancellationToken cancellationToken)
    {
        var snapshot = index.Current;
        try
        {
            var result = await ReferenceData.WriteAsync(writer, node => snapshot.Find(Domain.GraphModel.Kind(node.Label)!, node.Key) is not null, cancellationToken);
            if (result is null)
                return;
            await index.CatchUpAsync(cancellationToken);
            LogReferenceData(result.NodesChanged, result.EdgesChanged);
        }
        catch (GraphStoreException e)
        {
            LogReferenceDataFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The store of record cannot be used ({Store}); the service stops: {Reason}")]
    private partial void LogStoreRefused(string store, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added the missing reference data (cancer types, seed vocabulary): {Nodes} nodes, {Edges} relationships")]
    private partial void LogReferenceData(int nodes, int edges);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not add the missing reference data (cancer types, seed vocabulary); the catalogue stays readable: {Reason}")]
    private partial void LogReferenceDataFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is empty: seeding the synthetic demo catalogue with {Patients} patients")]
    private partial void LogSeeding(int patients);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding: {Patients} of {Total} patients, {Series} series")]
    private partial void LogSeedProgress(int patients, int total, long series);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Patients} patients and {Series} series in {ElapsedMs} ms")]
    private partial void LogSeeded(long patients, long series, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready: {Series} series at change {Sequence}")]
    private partial void LogReady(int series, long sequence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {Rows} changed rows from the store, now at change {Sequence}")]
    private partial void LogFollowed(int rows, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased {Nodes} node and {Edges} relationship tombstones of deletions older than {Days} days (the change feed is complete after change {PurgedThrough}) in {ElapsedMs} ms")]
    private partial void LogPurged(long nodes, long edges, double days, long purgedThrough, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not erase old tombstones; trying again in an hour: {Reason}")]
    private partial void LogPurgeFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change feed: {Reason}")]
    private partial void LogFollowFailed(string reason);
}
