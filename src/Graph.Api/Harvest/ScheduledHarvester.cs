using System.Collections.Concurrent;
using Graph.Api.Hosting;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Harvest;
using Graph.Store;
using Microsoft.Extensions.Options;

namespace Graph.Api.Harvest;

/// <summary>Harvests the repositories that configuration enables, each at its interval, one at a time, once the catalogue is loaded.</summary>
/// <remarks>
/// Off by default: a repository is harvested only when Graph:Harvest:Repositories:SLUG:Enabled is true and a Dataset
/// is set. A repository whose circuit is open (consecutive failed requests) is skipped until its cool-down has passed.
/// Whatever goes wrong with one repository is logged and recorded, and the others go on.
/// </remarks>
internal sealed partial class ScheduledHarvester(
    IGraphStore store,
    GraphWriter writer,
    CatalogStartup startup,
    IHttpClientFactory httpClients,
    IOptionsMonitor<HarvestSettings> settings,
    IOptions<GraphOptions> graphOptions,
    IConfiguration configuration,
    TimeProvider time,
    Observability.ServiceMetrics metrics,
    ILogger<ScheduledHarvester> logger) : BackgroundService
{
    /// <summary>The name of the HttpClient the harvester uses.</summary>
    public const string HttpClientName = "dicomweb-harvest";

    private readonly ConcurrentDictionary<string, ScheduledRepository> _repositories = new(StringComparer.Ordinal);

    /// <summary>The scheduler's state of a repository, or null before it was first due.</summary>
    public ScheduledRepository? StateOf(string repository) => _repositories.GetValueOrDefault(repository);

    /// <summary>Harvests every enabled repository whose interval has passed; one failing repository never stops the others.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var current = settings.CurrentValue;
        foreach (var (slug, repository) in current.Repositories.Where(r => r.Value.Enabled).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var state = _repositories.GetOrAdd(slug, _ => new ScheduledRepository(
                new RepositoryCircuit(Math.Max(1, current.CircuitFailures), TimeSpan.FromMinutes(Math.Max(0, current.CircuitCoolDownMinutes)), time)));
            if (time.GetUtcNow() < state.NextRun)
                continue;
            if (state.Circuit.OpenUntil is { } until)
            {
                LogSkipped(slug, until);
                state.NextRun = until;
                continue;
            }

            try
            {
                state.LastRun = await HarvestAsync(slug, repository, current, state.Circuit, cancellationToken).ConfigureAwait(false);
                state.LastProblem = null;
                metrics.HarvestRun(slug, state.LastRun.Status.ToString().ToLowerInvariant());
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                // The one place a repository's failure is caught, so the scheduler goes on with the others.
                state.LastProblem = e.Message;
                metrics.HarvestRun(slug, "failed");
                LogRunFailed(slug, e.GetType().Name, e.Message);
            }

            state.NextRun = time.GetUtcNow() + TimeSpan.FromMinutes(Math.Max(0, repository.IntervalMinutes));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!startup.IsReady)
            await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken).ConfigureAwait(false);
        var enabled = settings.CurrentValue.Repositories.Count(r => r.Value.Enabled);
        LogStarted(enabled);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.05, settings.CurrentValue.CheckSeconds)));
        do
        {
            await RunDueAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<HarvestSummary> HarvestAsync(
        string slug, RepositoryHarvestSettings repository, HarvestSettings current, RepositoryCircuit circuit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(repository.Dataset))
            throw new ArgumentException($"{HarvestSettings.Section}:Repositories:{slug}:Dataset is not set.");
        var deidentification = configuration.GetSection(DeidentificationOptions.Section).Get<DeidentificationOptions>() ?? new DeidentificationOptions();
        var passThrough = deidentification.IsPassThrough(slug);
        var options = new HarvestOptions
        {
            Repository = slug,
            Dataset = repository.Dataset,
            DataDirectory = graphOptions.Value.DataDirectory,
            Full = repository.Full,
            Credentials = repository.Credentials(slug),
            Key = !passThrough || deidentification.RemapUids ? DeidentificationKey.FromOptions(deidentification) : null,
            PassThroughIds = passThrough,
            RemapUids = deidentification.RemapUids,
            RetainCleanDescriptions = deidentification.RetainCleanDescriptions,
            PageSize = Math.Max(1, current.PageSize),
            Parallelism = Math.Max(1, current.Parallelism),
            BatchStudies = Math.Max(1, current.BatchStudies),
            RequestTimeout = TimeSpan.FromSeconds(Math.Max(1, current.RequestTimeoutSeconds)),
            MaxAttempts = Math.Max(1, current.MaxAttempts),
            RetryDelay = TimeSpan.FromMilliseconds(Math.Max(0, current.RetryDelayMilliseconds)),
            Source = "harvest-scheduled",
        };
        var harvester = new DicomWebHarvester(store, writer, httpClients.CreateClient(HttpClientName), logger, time);
        return await harvester.RunAsync(options, circuit, null, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled harvesting started: {Enabled} repositories enabled")]
    private partial void LogStarted(int enabled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Repository {Repository} is skipped until {Until}: its circuit is open after consecutive failed requests")]
    private partial void LogSkipped(string repository, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled harvest of repository {Repository} could not run ({Exception}): {Reason}")]
    private partial void LogRunFailed(string repository, string exception, string reason);
}
