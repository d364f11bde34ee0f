using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Graph.Api.Tests.Security;

/// <summary>The service on its own small demo catalogue with extra settings, for tests of limits and authentication options.</summary>
public sealed class ConfiguredFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    private readonly TempDirectory _folder = new();

    public string DataDirectory => _folder.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Graph:DataDirectory", _folder.Path);
        builder.UseSetting("Graph:DemoPatients", "40");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    public async Task<ConfiguredFactory> StartAsync()
    {
        using var client = CreateClient();
        for (var i = 0; i < 600; i++)
        {
            if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                return this;
            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not become ready within 60 s.");
    }

    /// <summary>Posts a body and returns the status and the parsed response.</summary>
    public async Task<(int Status, JsonObject Body)> PostAsync(object body, string? key = null, string? bearer = null)
    {
        using var client = CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add(TestKeys.Header, key);
        if (bearer is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Empty response ({response.StatusCode})."));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
