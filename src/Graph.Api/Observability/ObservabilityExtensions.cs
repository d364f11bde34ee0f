using Graph.Api.Security;
using Graph.Catalog;
using Graph.Store;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Context;
using Serilog.Events;

namespace Graph.Api.Observability;

/// <summary>Registers and wires metrics (Prometheus at /metrics), traces (OTLP, off by default) and request logging.</summary>
internal static class ObservabilityExtensions
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ObservabilityOptions.Section);
        services.Configure<ObservabilityOptions>(section);
        var options = section.Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("cancer-imaging-graph"));
        if (options.Metrics)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddMeter(ServiceMetrics.MeterName, GraphWriter.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
                .AddPrometheusExporter());
        }

        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(Telemetry.SourceName, GraphWriter.SourceName, CatalogIndex.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments(MetricsPath))
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = new Uri(options.OtlpEndpoint);
                    o.Protocol = options.OtlpProtocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                }));
        }

        return services;
    }

    /// <summary>Request id and operation name on every log line of a request; one completion line per request, at error level only for
    /// the service's own failures (not for a client that hung up, nor for readiness answering 503 while the index loads).</summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            using (LogContext.Push(new RequestLogEnricher(context)))
                await next(context);
        });
        app.UseSerilogRequestLogging(o =>
        {
            o.GetLevel = Level;
            o.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(RequestLogEnricher.Printable(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException)
            {
                // The client hung up (an aborted download): nothing to answer and nothing wrong with the service.
                if (!context.Response.HasStarted)
                    context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }
        });
        return app;
    }

    /// <summary>Serves the metrics at /metrics: to administrators, or to anyone on <see cref="ObservabilityOptions.MetricsPort"/> alone.</summary>
    public static WebApplication MapMetrics(this WebApplication app, ObservabilityOptions options)
    {
        if (!options.Metrics)
            return app;
        var endpoint = app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            // The route's host filter matches the Host header the client sends ("Host: x:PORT" on the public port matched it): the
            // port the connection came in on decides.
            if (options.MetricsPort != 0 && context.Connection.LocalPort != options.MetricsPort)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (options.MetricsPort == 0 && Caller.From(context.User).Role != CatalogRole.Admin)
            {
                context.Response.StatusCode = context.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "ApiKey, Bearer";
                await context.Response.WriteAsync("Metrics need an administrator's API key or token (or Graph:Observability:MetricsPort).\n");
                return;
            }

            await next(context);
        }), optionsName: null);
        if (options.MetricsPort != 0)
            endpoint.RequireHost($"*:{options.MetricsPort}");
        return app;
    }

    private static LogEventLevel Level(HttpContext context, double elapsedMs, Exception? exception)
    {
        if (context.RequestAborted.IsCancellationRequested)
            return LogEventLevel.Information;
        if (exception is not null || (context.Response.StatusCode >= 500 && !context.Request.Path.StartsWithSegments("/health")))
            return LogEventLevel.Error;
        return LogEventLevel.Information;
    }
}
