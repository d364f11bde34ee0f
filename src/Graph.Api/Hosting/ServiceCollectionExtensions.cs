using Graph.Api.Harvest;
using Graph.Api.Schema;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Store;
using Graph.Store.Neo4j;
using Graph.Store.Sqlite;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Graph.Api.Hosting;

/// <summary>Registers the catalogue: store, writer, index, schema and executor.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GraphOptions>(configuration.GetSection(GraphOptions.Section));
        services.Configure<ServiceLimits>(configuration.GetSection("Graph:Limits"));
        if (string.Equals(configuration["Graph:Store"], "neo4j", StringComparison.OrdinalIgnoreCase))
        {
            services.Configure<Neo4jStoreOptions>(configuration.GetSection(Neo4jStoreOptions.Section));
            services.AddSingleton<IGraphStore>(sp => new Neo4jGraphStore(
                new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
                sp.GetRequiredService<IOptions<Neo4jStoreOptions>>().Value,
                sp.GetRequiredService<ILogger<Neo4jGraphStore>>()));
        }
        else
        {
            services.AddSingleton<IGraphStore>(sp => new SqliteGraphStore(sp.GetRequiredService<IOptions<GraphOptions>>().Value.DatabasePath));
        }
        services.AddMetrics();
        services.AddSingleton<Observability.ServiceMetrics>();
        services.AddSingleton<CatalogIndex>();
        services.AddSingleton<ICommitListener>(sp => sp.GetRequiredService<CatalogIndex>());
        services.AddSingleton<GraphWriter>();
        services.AddSingleton<CatalogSchema>();
        services.AddSingleton<IDocumentExecuter, DocumentExecuter>();
        services.AddSingleton<IGraphQLTextSerializer, GraphQL.SystemTextJson.GraphQLSerializer>();
        services.AddSingleton<CatalogExecutor>();
        services.AddSingleton<CohortService>();
        services.AddSingleton<CatalogStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogStartup>());
        services.AddHarvesting(configuration);
        services.AddCatalogueSecurity(configuration);
        services.AddHealthChecks().AddCheck<ReadinessCheck>("catalogue", tags: ["ready"]);
        return services;
    }
}
