using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Graph.Ingest.Tests.Deidentification;

/// <summary>The service over an existing data folder, without the demo catalogue, logging everything to a file.</summary>
/// <remarks>Its tests run one at a time (<see cref="Collection"/>): the service's logger is process-wide, so two services at
/// once would write into each other's log files.</remarks>
internal sealed class ServiceOverStore(string dataDirectory, string logFile) : WebApplicationFactory<Program>
{
    /// <summary>The collection of the tests that start one.</summary>
    public const string Collection = "service over a store";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Graph:DataDirectory", dataDirectory);
        builder.UseSetting("Graph:SeedDemoOnEmptyStore", "false");
        builder.UseSetting("Graph:FollowIntervalSeconds", "0.2");
        // Through app configuration, not UseSetting: host settings give parent sections empty values, which Serilog
        // reads as a sink named "".
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:Using:0"] = "Serilog.Sinks.File",
            ["Serilog:WriteTo:0:Name"] = "File",
            ["Serilog:WriteTo:0:Args:path"] = logFile,
        }));
    }

    private string? _adminKey;

    // Ingested datasets have no access tier, so only a curator or administrator reads their records.
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (_adminKey is not null)
            client.DefaultRequestHeaders.Add(Graph.Testing.TestKeys.Header, _adminKey);
    }

    public async Task WaitUntilReadyAsync()
    {
        _adminKey = await Graph.Testing.TestKeys.CreateAsync(dataDirectory, "admin");
        using var client = CreateClient();
        for (var i = 0; i < 600; i++)
        {
            if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                return;
            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not become ready within 60 s.");
    }

    /// <summary>Posts a query and returns the whole response body as text, and parsed.</summary>
    public async Task<(string Text, JsonObject Json)> PostAsync(string query)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query });
        var text = await response.Content.ReadAsStringAsync();
        return (text, JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Empty response ({response.StatusCode})."));
    }
}

/// <summary>Runs the tests that start a <see cref="ServiceOverStore"/> one at a time.</summary>
[CollectionDefinition(ServiceOverStore.Collection)]
public sealed class ServiceOverStoreCollection;
