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

    /// <summary>The largest request body, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>How many validated documents to keep by query text (0 turns the cache off).</summary>
    public int DocumentCacheSize { get; set; } = 1000;
}
