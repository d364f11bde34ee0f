using Graph.Api.Harvest;
using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Features.Cohort;
using Graph.Api.Schema.Types;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Hosting;
using Graph.Ingest.Concepts;
using Graph.Store;
using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace Graph.Api.Hosting;

/// <summary>Registers the catalogue: store and writer (the shared composition), index, schema and executor.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GraphOptions>(configuration.GetSection(GraphOptions.Section));
        services.Configure<ServiceLimits>(configuration.GetSection("Graph:Limits"));
        services.AddGraphStore(configuration);
        services.AddMetrics();
        services.AddSingleton<Observability.ServiceMetrics>();
        services.AddSingleton(sp => new CatalogIndex(sp.GetRequiredService<IGraphStore>(), sp.GetRequiredService<ILogger<CatalogIndex>>())
        {
            FilePath = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphOptions>>().Value.IndexFilePath(),
        });
        services.AddSingleton<ICommitListener>(sp => sp.GetRequiredService<CatalogIndex>());
        services.AddSingleton<CatalogSchema>();
        services.AddSingleton<IDocumentExecuter>(new DocumentExecuter(
            new GraphQLDocumentBuilder(),
            new CatalogDocumentValidator(),
            new DefaultExecutionStrategySelector([new ExecutionStrategyRegistration(SerialExecutionStrategy.Instance, GraphQLParser.AST.OperationType.Query)]),
            []));
        services.AddSingleton<IGraphQLTextSerializer, GraphQL.SystemTextJson.GraphQLSerializer>();
        services.AddSingleton<CatalogExecutor>();
        services.AddSingleton<CohortService>();
        services.AddSingleton<Export.ExportGate>();
        services.AddSingleton(sp => new ConceptEditing(sp.GetRequiredService<GraphWriter>(), sp.GetRequiredService<CatalogIndex>())
        {
            TurnWait = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ServiceLimits>>().Value.TimeoutSeconds),
        });
        services.AddSingleton<CatalogStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogStartup>());
        services.AddHarvesting(configuration);
        services.AddCatalogueSecurity(configuration);
        services.AddDisclosureControl(configuration);
        services.AddHealthChecks().AddCheck<ReadinessCheck>("catalogue", tags: ["ready"]);
        return services;
    }
}
