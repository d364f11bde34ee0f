using Graph.Api.Harvest;
using Graph.Api.Schema.Types;
using Graph.Testing;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Harvest.Tests.Support;

/// <summary>The service over a data folder, without the demo catalogue, signed in as an administrator, with the repository
/// mutations and the scheduled harvester registered as the service's Program will register them.</summary>
internal static class HarvestService
{
    public static GraphService Create(string dataDirectory, IReadOnlyDictionary<string, string?> settings) => new(new GraphServiceOptions
    {
        DataDirectory = dataDirectory,
        SignInAsAdmin = true,
        Settings = new Dictionary<string, string> { ["Graph:FollowIntervalSeconds"] = "0.2" },
        Configuration = new Dictionary<string, string?>(settings) { ["Serilog:MinimumLevel:Default"] = "Warning" },
        Configure = builder =>
        {
            builder.ConfigureServices((context, services) => services.AddHarvesting(context.Configuration));
            builder.ConfigureTestServices(services => services.AddSingleton(_ =>
            {
                var schema = new CatalogSchema();
                RepositoryMutationFields.AddTo((ObjectGraphType)schema.Mutation!);
                return schema;
            }));
        },
    });

    /// <summary>The service's scheduled harvester.</summary>
    public static ScheduledHarvester Harvester(this GraphService service) => service.Services.GetRequiredService<ScheduledHarvester>();
}
