using Graph.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Graph.Reliability.Tests.Support;

/// <summary>The service in process on a temporary store with a small demo catalogue, for the hostile-input run.</summary>
public sealed class HostileServiceFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TempDirectory _folder = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Graph:DataDirectory", _folder.Path);
        builder.UseSetting("Graph:DemoPatients", "200");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Fatal");
        builder.UseSetting("Graph:Limits:TimeoutSeconds", "3");
    }

    public async Task InitializeAsync()
    {
        using var client = CreateClient();
        for (var i = 0; i < 600; i++)
        {
            if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                return;
            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not become ready within 60 s.");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _folder.Dispose();
    }
}
