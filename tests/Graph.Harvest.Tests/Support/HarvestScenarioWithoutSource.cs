using Graph.Ingest.Harvest;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Harvest.Tests.Support;

/// <summary>A temporary data folder with a SQLite store and a writer, without any repository.</summary>
internal sealed class HarvestScenarioWithoutSource : IAsyncDisposable
{
    private HarvestScenarioWithoutSource()
    {
        Store = new SqliteGraphStore(Folder.File("graph.db"));
        Writer = new GraphWriter(Store, [], NullLogger<GraphWriter>.Instance);
    }

    public TempDirectory Folder { get; } = new();

    public SqliteGraphStore Store { get; }

    public GraphWriter Writer { get; }

    public static async Task<HarvestScenarioWithoutSource> CreateAsync(CancellationToken cancellationToken = default)
    {
        var scenario = new HarvestScenarioWithoutSource();
        await scenario.Store.EnsureSchemaAsync(cancellationToken);
        return scenario;
    }

    public Task RegisterAsync(string slug, string baseUrl, CancellationToken cancellationToken = default) =>
        RepositoryRegistry.AddAsync(Store, Writer, new RepositoryRegistration { Slug = slug, Name = slug, BaseUrl = baseUrl }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Folder.Dispose();
    }
}
