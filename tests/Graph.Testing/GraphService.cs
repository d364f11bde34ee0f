using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Graph.Testing;

/// <summary>The service (Graph.Api) in process over a data folder, set up by <see cref="GraphServiceOptions"/>: the one host
/// of the tests that call it over HTTP.</summary>
public class GraphService(GraphServiceOptions options) : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TempDirectory? _temporary = options.DataDirectory is null ? new TempDirectory() : null;
    private Uri? _baseUrl;

    /// <summary>The service's data folder.</summary>
    public string DataDirectory => options.DataDirectory ?? _temporary!.Path;

    /// <summary>The SQLite store of record in the data folder.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "graph.db");

    /// <summary>The administrator's key every client sends, with <see cref="GraphServiceOptions.SignInAsAdmin"/>.</summary>
    public string? AdminKey { get; private set; }

    /// <summary>The root URL on loopback, with <see cref="GraphServiceOptions.OnLoopback"/>.</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The service does not listen on loopback, or has not been started.");

    /// <summary>Makes the administrator's key if asked for, starts the service and waits until it is ready.</summary>
    public async Task<GraphService> StartAsync()
    {
        if (options.SignInAsAdmin)
            AdminKey = await TestKeys.CreateAsync(DataDirectory, "admin");
        if (!options.OnLoopback)
        {
            using var client = CreateClient();
            await Readiness.WaitForServiceAsync(client);
            return this;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        _baseUrl = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        using var http = new HttpClient { BaseAddress = _baseUrl };
        await Readiness.WaitForServiceAsync(http);
        return this;
    }

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

    /// <summary>Posts a query and returns the whole response body.</summary>
    public async Task<JsonObject> PostAsync(string query, object? variables = null) => (await ExchangeAsync(new { query, variables }, null, null)).Body;

    /// <summary>Posts a query and returns the response body as text, and parsed.</summary>
    public async Task<(string Text, JsonObject Json)> PostForTextAsync(string query)
    {
        var (_, text, body) = await ExchangeAsync(new { query }, null, null);
        return (text, body);
    }

    /// <summary>Posts a query that must succeed and returns its data.</summary>
    public async Task<JsonObject> DataAsync(string query, object? variables = null)
    {
        var body = await PostAsync(query, variables);
        Assert.True(body["errors"] is null, $"Unexpected errors: {body["errors"]?.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
        return body["data"]!.AsObject();
    }

    /// <summary>Posts a request body with an API key or a bearer token and returns the status and the parsed response.</summary>
    public async Task<(int Status, JsonObject Body)> SendAsync(object body, string? key = null, string? bearer = null)
    {
        var (status, _, json) = await ExchangeAsync(body, key, bearer);
        return (status, json);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _temporary?.Dispose();
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (options.Environment is not null)
            builder.UseEnvironment(options.Environment);
        builder.UseSetting("Graph:DataDirectory", DataDirectory);
        if (options.DemoPatients is { } patients)
            builder.UseSetting("Graph:DemoPatients", patients.ToString(CultureInfo.InvariantCulture));
        else
            builder.UseSetting("Graph:SeedDemoOnEmptyStore", "false");
        foreach (var (key, value) in options.Settings)
            builder.UseSetting(key, value);
        if (options.Configuration.Count > 0)
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(options.Configuration));
        options.Configure?.Invoke(builder);
    }

    /// <inheritdoc />
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (AdminKey is not null)
            client.DefaultRequestHeaders.Add(TestKeys.Header, AdminKey);
    }

    private async Task<(int Status, string Text, JsonObject Body)> ExchangeAsync(object body, string? key, string? bearer)
    {
        // The key given replaces the administrator's a signed-in service sends (two keys are refused as ambiguous).
        using var client = key is null ? CreateClient() : CreateClient(key);
        if (bearer is not null)
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text, JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Empty response ({response.StatusCode})."));
    }
}
