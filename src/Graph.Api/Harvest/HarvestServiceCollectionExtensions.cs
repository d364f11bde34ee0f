using System.Net;
using Graph.Ingest.Harvest;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Graph.Api.Harvest;

/// <summary>Registers the scheduled harvester: its settings, its HttpClient and the hosted service.</summary>
internal static class HarvestServiceCollectionExtensions
{
    /// <summary>Adds the scheduled harvester (configuration section "Graph:Harvest"); calling it again changes nothing.</summary>
    public static IServiceCollection AddHarvesting(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ScheduledHarvester)))
            return services;
        services.Configure<HarvestSettings>(configuration.GetSection(HarvestSettings.Section));
        services.AddHttpClient(ScheduledHarvester.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ScheduledHarvester>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledHarvester>());
        return services;
    }
}
