using Graph.Testing;

namespace Graph.Browser.Tests;

/// <summary>Hosts Graph.Api in-process on a free loopback port, over a temporary data folder, for the browser to reach; the
/// administrator's key is the one <see cref="ServiceApi"/> sends.</summary>
public sealed class GraphServiceFixture() : GraphService(new GraphServiceOptions
{
    Environment = "Development",
    DemoPatients = 200,
    Settings = new Dictionary<string, string> { ["Graph:Limits:RequestsPerSecondPerKey"] = "0" },
    SignInAsAdmin = true,
    OnLoopback = true,
}), IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await StartAsync();
        ServiceApi.ApiKey = AdminKey;
    }
}
