using Graph.Api.Dcat;
using Graph.Api.Explorer;
using Graph.Api.Hosting;
using Graph.Api.Http;
using Graph.Api.Ide;
using Graph.Api.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--data"] = "Graph:DataDirectory",
    ["--seed-demo"] = "Graph:SeedDemoOnEmptyStore",
    ["--demo-patients"] = "Graph:DemoPatients",
});
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
builder.Services.AddCatalogue(builder.Configuration);

var app = builder.Build();
app.Services.GetRequiredService<Graph.Api.Schema.CatalogSchema>().Initialize();
// Settings and secret of disclosure control are checked at start, not at the first aggregate answer.
app.Services.GetRequiredService<Graph.Catalog.Disclosure.DisclosureControl>();
app.UseSerilogRequestLogging();
app.UseCatalogueSecurity();
var graphOptions = app.Configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
app.MapBananaCakePop("/graphql", new IdeOptions { Enabled = graphOptions.EnableIde, DefaultDocument = ExampleDocuments.IdeStart });
app.MapGraphQL("/graphql");
app.MapExplorer(graphOptions.EnableExplorer);
app.MapCohortManifest();
app.MapDcat();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.Run();

/// <summary>The service's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
