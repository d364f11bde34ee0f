namespace Graph.Api.Schema;

/// <summary>Limits that protect the service from careless or hostile requests.</summary>
public sealed class ServiceLimits
{
    /// <summary>The largest <c>first</c> or <c>last</c> of a connection.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>The most requests in one batched (JSON array) POST.</summary>
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>The most ids in one <c>nodes(ids:)</c> call.</summary>
    public int MaxNodeIds { get; set; } = 1000;

    /// <summary>The deepest nesting of <c>and</c>/<c>or</c>/<c>not</c>/relationship filters.</summary>
    public int MaxFilterDepth { get; set; } = 12;

    /// <summary>The most fields one operation may select once its fragments are expanded (also refused: more than 20 directives in one place).</summary>
    public int MaxExpandedFields { get; set; } = 20_000;

    /// <summary>How long one request may execute before it is stopped and answered with a TIMEOUT error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest request body, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}
