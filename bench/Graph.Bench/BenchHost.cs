using System.Diagnostics;
using Graph.Api.Hosting;
using Graph.Api.Schema.Execution;
using Graph.Catalog;
using Graph.Ingest.Demo;
using Graph.Ingest.Vocabulary;
using Graph.Store;
using GraphQL.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Graph.Bench;

/// <summary>The service's components in process over a demo catalogue of a given size, seeded on first use.</summary>
internal sealed class BenchHost
{
    private BenchHost(ServiceProvider services, TimeSpan load)
    {
        Services = services;
        LoadTime = load;
        Index = services.GetRequiredService<CatalogIndex>();
        Executor = services.GetRequiredService<CatalogExecutor>();
        Executor.Schema.Initialize();
    }

    public ServiceProvider Services { get; }

    public CatalogIndex Index { get; }

    public CatalogExecutor Executor { get; }

    public TimeSpan LoadTime { get; }

    public static async Task<BenchHost> StartAsync(BenchArguments arguments, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var patients = arguments.Int("--patients", 20_000);
        var data = arguments.Get("--data") ?? Path.Combine(Path.GetTempPath(), $"graph-bench-{patients}");
        Console.WriteLine($"Catalogue: {patients:N0} patients in {data}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        // Loads from the store, as the figures say, unless --index-file names an index file to load from (relative: in DIR).
        var indexFile = arguments.Get("--index-file") ?? "none";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:DataDirectory"] = data, ["Graph:IndexFile"] = indexFile })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCatalogue(configuration).BuildServiceProvider();
        var store = services.GetRequiredService<IGraphStore>();
        await store.EnsureSchemaAsync(CancellationToken.None);
        if (await store.GetSequenceAsync(CancellationToken.None) == 0)
        {
            var watch = Stopwatch.StartNew();
            var summary = await DemoSeeder.SeedAsync(services.GetRequiredService<GraphWriter>(), new DemoOptions { Patients = patients }, null, CancellationToken.None);
            Console.WriteLine($"seed (generate + validate + SQLite commit + index catch-up): {watch.Elapsed.TotalSeconds:F1} s for {summary.Counts.Series:N0} series");
        }

        // As the service does at every start (a store seeded before the vocabulary existed gets it now, once).
        await ReferenceData.EnsureAsync(store, services.GetRequiredService<GraphWriter>(), CancellationToken.None);
        var index = services.GetRequiredService<CatalogIndex>();
        var load = Stopwatch.StartNew();
        await index.LoadAsync(CancellationToken.None);
        return new BenchHost(services, load.Elapsed);
    }

    public static string Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return $"managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB, process resident {process.WorkingSet64 / 1048576.0:F0} MiB";
    }

    // Measured as a curator, who reads every record (and is audited), so the figures cover the whole catalogue.
    private static readonly System.Security.Claims.ClaimsPrincipal Curator = new(new System.Security.Claims.ClaimsIdentity(
        [new System.Security.Claims.Claim("sub", "bench"), new System.Security.Claims.Claim("role", "curator")], "bench"));

    /// <summary>A caller without credentials.</summary>
    public static readonly System.Security.Claims.ClaimsPrincipal Anonymous = new(new System.Security.Claims.ClaimsIdentity());

    /// <summary>A researcher without grants.</summary>
    public static readonly System.Security.Claims.ClaimsPrincipal Researcher = new(new System.Security.Claims.ClaimsIdentity(
        [new System.Security.Claims.Claim("sub", "bench-researcher"), new System.Security.Claims.Claim("role", "researcher")], "bench"));

    public async Task ExecuteAsync(string query, Dictionary<string, object?>? variables = null) => await RunAsync(query, variables, Curator);

    /// <summary>Runs a query as a caller (a curator when none is given) and returns its data as JSON.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> DataAsync(string query, System.Security.Claims.ClaimsPrincipal? caller = null)
    {
        var result = await RunAsync(query, null, caller ?? Curator);
        var text = Services.GetRequiredService<GraphQL.IGraphQLTextSerializer>().Serialize(result);
        return System.Text.Json.Nodes.JsonNode.Parse(text)!["data"]!;
    }

    private async Task<GraphQL.ExecutionResult> RunAsync(string query, Dictionary<string, object?>? variables, System.Security.Claims.ClaimsPrincipal caller)
    {
        var request = new GraphQLRequest { Query = query, Variables = variables is null ? null : new GraphQL.Inputs(variables) };
        var (result, _) = await Executor.ExecuteAsync(request, null, caller, Services, CancellationToken.None);
        if (result.Errors is { Count: > 0 } errors)
            throw new InvalidOperationException(errors[0].Message);
        return result;
    }
}
