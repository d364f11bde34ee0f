using Graph.Store;
using Graph.Store.Access;
using Graph.Store.Neo4j;
using Graph.Store.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Graph.Hosting;

/// <summary>The one composition of the store of record, used by the service and by every graph command.</summary>
public static class GraphStoreServiceCollectionExtensions
{
    /// <summary>Registers the store named by Graph:Store (its adapter registers itself), the retry policy, the writer, the API keys and the access requests.</summary>
    /// <remarks>The caller registers logging and any <see cref="ICommitListener"/>s (the service's catalogue index).</remarks>
    /// <exception cref="ArgumentException">A store setting has a value the store cannot use.</exception>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = StoreSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Retry);
        if (settings.Kind == StoreKind.Neo4j)
            services.AddNeo4jGraphStore(settings.Neo4j);
        else
            services.AddSqliteGraphStore(settings.DataDirectory);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GraphWriter>();
        services.AddSingleton(sp => new ApiKeys(sp.GetRequiredService<IAccessStore>(), sp.GetRequiredService<TimeProvider>()) { CacheFor = settings.FollowInterval });
        services.AddSingleton(sp => new AccessRequests(sp.GetRequiredService<IAccessRequestStore>(), sp.GetRequiredService<TimeProvider>()) { CacheFor = settings.FollowInterval });
        return services;
    }
}
