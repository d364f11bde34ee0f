using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Graph.Api.Hosting;

/// <summary>Ready once the catalogue index is loaded (and the first seeding, if any, has finished).</summary>
internal sealed class ReadinessCheck(CatalogStartup startup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(startup.IsReady ? HealthCheckResult.Healthy("The catalogue index is loaded.") : HealthCheckResult.Unhealthy("The catalogue index is loading."));
}
