using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Api.Harvest;
using Graph.Api.Schema.Features.Imports;
using Graph.Api.Schema.Types;
using Graph.Testing;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Harvest.Tests.Support;

/// <summary>The service over a data folder, without the demo catalogue, with the repository mutations and the scheduled harvester
/// registered as the service's Program will register them.</summary>
internal sealed class HarvestService(string dataDirectory, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public ScheduledHarvester Harvester => Services.GetRequiredService<ScheduledHarvester>();

    private string? _adminKey;

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (_adminKey is not null)
            client.DefaultRequestHeaders.Add(TestKeys.Header, _adminKey);
    }

    public async Task WaitUntilReadyAsync()
    {
        _adminKey = await TestKeys.CreateAsync(dataDirectory, "admin");
        using var client = CreateClient();
        for (var i = 0; i < 600; i++)
        {
            if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                return;
            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not become ready within 60 s.");
    }

    /// <summary>Posts a GraphQL document and returns the whole response body.</summary>
    public async Task<JsonObject> PostAsync(string query)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query });
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Empty response ({response.StatusCode}).");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Graph:DataDirectory", dataDirectory);
        builder.UseSetting("Graph:SeedDemoOnEmptyStore", "false");
        builder.UseSetting("Graph:FollowIntervalSeconds", "0.2");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(
            new Dictionary<string, string?>(settings) { ["Serilog:MinimumLevel:Default"] = "Warning" }));
        builder.ConfigureServices((context, services) => services.AddHarvesting(context.Configuration));
        builder.ConfigureTestServices(services => services.AddSingleton(_ =>
        {
            var schema = new CatalogSchema();
            RepositoryMutationFields.AddTo((ObjectGraphType)schema.Mutation!);
            return schema;
        }));
    }
}
