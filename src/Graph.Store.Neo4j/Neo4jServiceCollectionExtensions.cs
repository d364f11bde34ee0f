using Graph.Store.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Graph.Store.Neo4j;

/// <summary>Registers the Neo4j store of record: the graph and the API keys on one server and database.</summary>
public static class Neo4jServiceCollectionExtensions
{
    /// <summary>The key of an <see cref="HttpMessageHandler"/> service that, when registered, carries the requests instead of a socket handler (tests).</summary>
    public const string HandlerKey = "Graph.Store.Neo4j";

    /// <summary>Adds <see cref="IGraphStore"/> and <see cref="IAccessStore"/> on a Neo4j server; the <see cref="RetryPolicy"/> registered, if any, retries single reads.</summary>
    public static IServiceCollection AddNeo4jGraphStore(this IServiceCollection services, Neo4jStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _ = new QueryApiEndpoint(options); // refuses a bad Uri or database name when the host is composed, not at the first request
        services.AddSingleton(sp =>
        {
            var handler = sp.GetKeyedService<HttpMessageHandler>(HandlerKey) ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            return new Neo4jGraphStore(http, options, sp.GetRequiredService<ILogger<Neo4jGraphStore>>(), sp.GetService<RetryPolicy>());
        });
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<Neo4jGraphStore>());
        services.AddSingleton(sp => new Neo4jAccessStore(sp.GetRequiredService<Neo4jGraphStore>()));
        services.AddSingleton<IAccessStore>(sp => sp.GetRequiredService<Neo4jAccessStore>());
        services.AddSingleton<IAccessRequestStore>(sp => sp.GetRequiredService<Neo4jAccessStore>());
        return services;
    }
}
