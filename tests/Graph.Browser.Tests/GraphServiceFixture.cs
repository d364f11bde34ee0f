using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Browser.Tests;

/// <summary>Hosts Graph.Api in-process on a free loopback port, over a temporary data folder, for the browser to reach.</summary>
public sealed class GraphServiceFixture : ServiceFixture
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("graph-browser-");
    private WebApplicationFactory<Program>? _factory;

    /// <summary>The service's data folder, where tests create keys of other roles.</summary>
    public string DataDirectory => _data.FullName;

    /// <inheritdoc />
    protected override async Task<Uri> StartAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Development")
            .UseSetting("Graph:DataDirectory", _data.FullName)
            .UseSetting("Graph:DemoPatients", "200")
            .UseSetting("Graph:Limits:RequestsPerSecondPerKey", "0"));
        ServiceApi.ApiKey = await Graph.Testing.TestKeys.CreateAsync(_data.FullName, "admin");
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var server = _factory.Services.GetRequiredService<IServer>();
        var baseUrl = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        using var http = new HttpClient { BaseAddress = baseUrl };
        for (var i = 0; i < 240 && !(await http.GetAsync("/health/ready")).IsSuccessStatusCode; i++)
            await Task.Delay(250);
        return baseUrl;
    }

    /// <inheritdoc />
    protected override async Task StopAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        _data.Delete(recursive: true);
    }
}
