using Graph.Ingest.Deidentification;
using Graph.Ingest.Harvest;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Bench.Harvest;

/// <summary>Harvests the benchmark's Orthanc into a SQLite store of a folder, one run per call, as the CLI does.</summary>
internal sealed class HarvestRunner(string folder, string dicomWebRoot, DeidentificationKey key, int parallelism, int pageSize)
{
    private const string Repository = "bench-orthanc";
    private bool _registered;

    public async Task<HarvestSummary> RunAsync(CancellationToken cancellationToken)
    {
        await using var store = new SqliteGraphStore(Path.Combine(folder, "harvest.db"));
        await store.EnsureSchemaAsync(cancellationToken);
        var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
        if (!_registered)
        {
            await RepositoryRegistry.AddAsync(
                store, writer, new RepositoryRegistration { Slug = Repository, Name = "Benchmark Orthanc", BaseUrl = dicomWebRoot }, cancellationToken);
            _registered = true;
        }

        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All });
        var options = new HarvestOptions
        {
            Repository = Repository,
            Dataset = "tiny",
            DataDirectory = folder,
            Credentials = DicomWebCredentials.Basic(OrthancServer.User, OrthancServer.Password),
            Key = key,
            Parallelism = parallelism,
            PageSize = pageSize,
        };
        return await new DicomWebHarvester(store, writer, http, NullLogger.Instance).RunAsync(options, null, null, cancellationToken);
    }
}
