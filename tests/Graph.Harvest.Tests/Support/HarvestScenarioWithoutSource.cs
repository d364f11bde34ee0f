using Graph.Ingest.Harvest;
using Graph.Testing;

namespace Graph.Harvest.Tests.Support;

/// <summary>A temporary data folder with a SQLite store and a writer, without any repository.</summary>
internal sealed class HarvestScenarioWithoutSource : StoreScenario
{
    public static async Task<HarvestScenarioWithoutSource> CreateAsync(CancellationToken cancellationToken = default)
    {
        var scenario = new HarvestScenarioWithoutSource();
        await scenario.Store.EnsureSchemaAsync(cancellationToken);
        return scenario;
    }

    public Task RegisterAsync(string slug, string baseUrl, CancellationToken cancellationToken = default) =>
        RepositoryRegistry.AddAsync(Store, Writer, new RepositoryRegistration { Slug = slug, Name = slug, BaseUrl = baseUrl }, cancellationToken);
}
