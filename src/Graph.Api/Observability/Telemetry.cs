using System.Diagnostics;

namespace Graph.Api.Observability;

/// <summary>The service's trace source: one span per GraphQL operation, around the index and store work it causes.</summary>
internal static class Telemetry
{
    /// <summary>The activity source's name.</summary>
    public const string SourceName = "Graph.Api";

    public static readonly ActivitySource Source = new(SourceName);
}
