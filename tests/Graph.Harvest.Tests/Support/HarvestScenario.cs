using Graph.Ingest.Harvest;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Harvest.Tests.Support;

/// <summary>A temporary data folder with a SQLite store, a registered repository pointing at an Orthanc, and a harvester.</summary>
internal sealed class HarvestScenario : IAsyncDisposable
{
    public const string Repository = "orthanc-test";
    public const string Dataset = "harvested";

    private readonly HttpClient _http = new();
    private readonly HarvestScenarioWithoutSource _store;

    private HarvestScenario(HarvestScenarioWithoutSource store, OrthancServer orthanc)
    {
        _store = store;
        Orthanc = orthanc;
    }

    public TempDirectory Folder => _store.Folder;

    public OrthancServer Orthanc { get; }

    public SqliteGraphStore Store => _store.Store;

    public GraphWriter Writer => _store.Writer;

    public string CheckpointPath => HarvestCheckpoint.PathFor(Folder.Path, Repository);

    /// <summary>A store with the repository registered, pointing at the Orthanc.</summary>
    public static async Task<HarvestScenario> CreateAsync(OrthancServer orthanc, CancellationToken cancellationToken = default)
    {
        var store = await HarvestScenarioWithoutSource.CreateAsync(cancellationToken);
        await RepositoryRegistry.AddAsync(
            store.Store,
            store.Writer,
            new RepositoryRegistration { Slug = Repository, Name = "Orthanc of the tests", BaseUrl = orthanc.DicomWebRoot, Country = "ES", Institution = "Test hospital" },
            cancellationToken);
        return new HarvestScenario(store, orthanc);
    }

    /// <summary>The options of a run: the suite's key and credentials, small pages and batches, quick retries.</summary>
    public HarvestOptions Options(bool full = false, string password = OrthancServer.Password, bool remapUids = false, int batchStudies = 2, int parallelism = 2) => new()
    {
        Repository = Repository,
        Dataset = Dataset,
        DataDirectory = Folder.Path,
        Full = full,
        Credentials = DicomWebCredentials.Basic(OrthancServer.User, password),
        Key = Secrets.Key,
        RemapUids = remapUids,
        PageSize = 3,
        BatchStudies = batchStudies,
        Parallelism = parallelism,
        MaxAttempts = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        RequestTimeout = TimeSpan.FromSeconds(20),
        CheckpointInterval = TimeSpan.Zero,
    };

    public Task<HarvestSummary> HarvestAsync(HarvestOptions? options = null, IProgress<HarvestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new DicomWebHarvester(Store, Writer, _http, NullLogger.Instance).RunAsync(options ?? Options(), null, progress, cancellationToken);

    public Task<GraphContent> ReadAsync(CancellationToken cancellationToken = default) => GraphContent.ReadAsync(Store, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _store.DisposeAsync();
    }
}
