using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Graph.Api.Tests;

/// <summary>The service on a temporary SQLite store seeded with a small demo catalogue, shared by the API tests.</summary>
public sealed class CatalogueFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int Patients = 300;

    private readonly TempDirectory _folder = new();

    public string DataDirectory => _folder.Path;

    public string DatabasePath => _folder.File("graph.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Graph:DataDirectory", _folder.Path);
        builder.UseSetting("Graph:DemoPatients", Patients.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Graph:FollowIntervalSeconds", "0.2");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Graph:Limits:RequestsPerSecondPerAddress", "0");
        builder.UseSetting("Graph:Limits:RequestsPerSecondPerKey", "0");
    }

    /// <summary>An administrator's key, sent by every client this factory creates, so tests of the catalogue see every record.</summary>
    public string? AdminKey { get; private set; }

    /// <summary>A client that sends no credentials.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(TestKeys.Header);
        return client;
    }

    /// <summary>A client that sends the given API key.</summary>
    public HttpClient CreateClient(string key)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(TestKeys.Header, key);
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (AdminKey is not null)
            client.DefaultRequestHeaders.Add(TestKeys.Header, AdminKey);
    }

    public async Task InitializeAsync()
    {
        AdminKey = await TestKeys.CreateAsync(_folder.Path, "admin");
        using var client = CreateClient();
        for (var i = 0; i < 600; i++)
        {
            if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                return;
            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not become ready within 60 s.");
    }

    /// <summary>Posts a query and returns the whole response body.</summary>
    public async Task<JsonObject> PostAsync(string query, object? variables = null)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body)?.AsObject() ?? throw new InvalidOperationException($"Empty response ({response.StatusCode}).");
    }

    /// <summary>Posts a query that must succeed and returns its data.</summary>
    public async Task<JsonObject> DataAsync(string query, object? variables = null)
    {
        var body = await PostAsync(query, variables);
        Assert.True(body["errors"] is null, $"Unexpected errors: {body["errors"]?.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
        return body["data"]!.AsObject();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class CatalogueCollection : ICollectionFixture<CatalogueFactory>
{
    public const string Name = "catalogue";
}
