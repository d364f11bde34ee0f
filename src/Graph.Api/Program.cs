using Graph.Api.Dcat;
using Graph.Api.Explorer;
using Graph.Api.Export;
using Graph.Api.Hosting;
using Graph.Api.Http;
using Graph.Api.Ide;
using Graph.Api.Observability;
using Graph.Api.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

// Settings are read once, at start: watching appsettings.json for changes watches the content root (the current folder) with
// its subfolders, and the default data folder (./data) is one, so every audit line and store write woke the watcher.
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--data"] = "Graph:DataDirectory",
    ["--seed-demo"] = "Graph:SeedDemoOnEmptyStore",
    ["--demo-patients"] = "Graph:DemoPatients",
    ["--index-file"] = "Graph:IndexFile",
});
var observability = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
builder.Services.AddSerilog((services, logger) =>
{
    logger.ReadFrom.Configuration(builder.Configuration)
        .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
        // Readiness answers 503 while the index loads, which the health check service logs as an error on every poll.
        .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Fatal)
        .Enrich.FromLogContext();
    if (observability.LogFormat.Equals("json", StringComparison.OrdinalIgnoreCase))
        logger.WriteTo.Console(new CompactJsonFormatter());
    else
        logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
});
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddCatalogue(builder.Configuration);
builder.Services.AddObservability(builder.Configuration);

var app = builder.Build();
app.Services.GetRequiredService<Graph.Api.Schema.Types.CatalogSchema>().Initialize();
// Settings and secret of disclosure control are checked at start, not at the first aggregate answer.
app.Services.GetRequiredService<Graph.Catalog.Disclosure.DisclosureControl>();
app.UseRequestLogging();
app.UseSecurityHeaders();
app.UseCatalogueSecurity();
var graphOptions = app.Configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
app.MapBananaCakePop("/graphql", new IdeOptions { Enabled = graphOptions.EnableIde, DefaultDocument = ExampleDocuments.IdeStart });
app.MapGraphQL("/graphql");
app.MapExplorer(graphOptions.EnableExplorer);
app.MapCohortManifest();
app.MapExport();
app.MapDcat();
app.MapMetrics(observability);
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.Run();

/// <summary>The service's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
