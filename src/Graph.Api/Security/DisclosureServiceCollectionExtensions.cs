using Graph.Api.Hosting;
using Graph.Catalog.Disclosure;
using Microsoft.Extensions.Options;

namespace Graph.Api.Security;

/// <summary>Registers the disclosure-control layer that every aggregate answer passes through.</summary>
internal static class DisclosureServiceCollectionExtensions
{
    public static IServiceCollection AddDisclosureControl(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DisclosureOptions>(configuration.GetSection(DisclosureOptions.Section));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DisclosureOptions>>().Value;
            var secret = DisclosureSecret.Load(options, sp.GetRequiredService<IOptions<GraphOptions>>().Value.DataDirectory, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DisclosureSecret)));
            return new DisclosureControl(options, secret);
        });
        return services;
    }
}
