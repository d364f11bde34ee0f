using Graph.Api.Security;
using Graph.Catalog;
using GraphQL;

namespace Graph.Api.Schema;

/// <summary>What one GraphQL request reads: a single snapshot as its caller may see it, and the batch loaders of its fields.</summary>
internal sealed class CatalogRequest
{
    private const string Key = "catalog";
    private readonly Dictionary<object, object> _loaders = new(ReferenceEqualityComparer.Instance);

    public CatalogRequest(CatalogSnapshot snapshot, ServiceLimits limits, Caller caller)
    {
        Limits = limits;
        Caller = caller;
        Use(snapshot);
    }

    /// <summary>Who sends the request.</summary>
    public Caller Caller { get; }

    /// <summary>The snapshot as the caller sees it: records the caller may not read are absent. Every record answer comes from it.</summary>
    public CatalogSnapshot Snapshot { get; private set; } = null!;

    /// <summary>The whole snapshot, for aggregate counts only; they are protected with <see cref="Threshold"/>.</summary>
    public CatalogSnapshot Full { get; private set; } = null!;

    /// <summary>The small-count threshold that protects aggregate counts, or null when the caller may read every record.</summary>
    public int? Threshold { get; private set; }

    public ServiceLimits Limits { get; }

    /// <summary>Moves the request to a snapshot (a mutation's own write).</summary>
    public void Use(CatalogSnapshot full)
    {
        Full = full;
        Snapshot = Caller.Access.View(full);
        Threshold = Caller.Access.IsRestricted(full) ? Limits.SuppressionThreshold : null;
    }

    /// <summary>A count over <see cref="Full"/>, protected when the caller may not read every record.</summary>
    public long? Protect(long count) => AccessPolicy.Protect(count, Threshold);

    /// <summary>How many batched reads of the index the request made (one per field per level).</summary>
    public int BatchReads { get; set; }

    public static CatalogRequest From(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(Key, out var value) && value is CatalogRequest request
            ? request
            : throw new InvalidOperationException("The request has no catalogue snapshot.");

    public void AttachTo(IDictionary<string, object?> userContext) => userContext[Key] = this;

    /// <summary>Gets the batch loader of one field occurrence in the document, creating it on first use.</summary>
    public BatchLoader<TResult> Loader<TResult>(object fieldOccurrence, Func<IReadOnlyList<int>, IReadOnlyDictionary<int, TResult>> load)
    {
        lock (_loaders)
        {
            if (!_loaders.TryGetValue(fieldOccurrence, out var loader))
            {
                loader = new BatchLoader<TResult>(this, load);
                _loaders[fieldOccurrence] = loader;
            }

            return (BatchLoader<TResult>)loader;
        }
    }
}
