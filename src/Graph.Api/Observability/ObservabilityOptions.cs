namespace Graph.Api.Observability;

/// <summary>Metrics, traces and log format (configuration section Graph:Observability).</summary>
public sealed class ObservabilityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph:Observability";

    /// <summary>Whether metrics are served in the Prometheus text format at <c>/metrics</c>.</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>A port on which <c>/metrics</c> answers without credentials (list it in --urls, bound to an internal address);
    /// 0: <c>/metrics</c> answers on every address, to administrators' credentials only.</summary>
    public int MetricsPort { get; set; }

    /// <summary>An OTLP endpoint (http://collector:4317 for gRPC, or :4318 with <see cref="OtlpProtocol"/> http/protobuf) that
    /// receives traces; none: no traces are recorded.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>grpc (default) or http/protobuf.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>The console log format: text (default) or json (Serilog's compact JSON, one event a line).</summary>
    public string LogFormat { get; set; } = "text";
}
