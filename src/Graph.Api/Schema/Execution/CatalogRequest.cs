using Graph.Api.Security;
using Graph.Catalog;
using Graph.Catalog.Disclosure;
using GraphQL;

namespace Graph.Api.Schema.Execution;

/// <summary>What one GraphQL request reads: a single snapshot as its caller may see it, and the batch loaders of its fields.</summary>
internal sealed class CatalogRequest
{
    private const string Key = "catalog";
    private readonly Dictionary<object, object> _loaders = new(ReferenceEqualityComparer.Instance);
    private readonly DisclosureControl _disclosure;

    public CatalogRequest(CatalogSnapshot snapshot, ServiceLimits limits, DisclosureControl disclosure, Caller caller)
    {
        Limits = limits;
        Caller = caller;
        _disclosure = disclosure;
        Use(snapshot);
    }

    /// <summary>Who sends the request.</summary>
    public Caller Caller { get; }

    /// <summary>The snapshot as the caller sees it: records the caller may not read are absent. Every record answer comes from it.</summary>
    public CatalogSnapshot Snapshot => Aggregates.Readable;

    /// <summary>Aggregates over the whole catalogue, protected where they count records the caller may not read: the only way to reach them.</summary>
    public ProtectedCatalog Aggregates { get; private set; } = null!;

    public ServiceLimits Limits { get; }

    /// <summary>Seals the cursors the request gives and opens those it was sent.</summary>
    public CursorSeal Cursors => _disclosure.Cursors;

    /// <summary>Moves the request to a snapshot (a mutation's own write).</summary>
    public void Use(CatalogSnapshot full) => Aggregates = _disclosure.For(full, Caller.Access);

    /// <summary>How many batched reads of the index the request made (one per field per level).</summary>
    public int BatchReads { get; set; }

    public static CatalogRequest From(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(Key, out var value) && value is CatalogRequest request
            ? request
            : throw new InvalidOperationException("The request has no catalogue snapshot.");

    public void AttachTo(IDictionary<string, object?> userContext) => userContext[Key] = this;

    /// <summary>Gets the batch loader of one field occurrence in the document, creating it on first use.</summary>
    public BatchLoader<TResult> Loader<TResult>(object fieldOccurrence, Func<IReadOnlyList<GraphNode>, IReadOnlyDictionary<GraphNode, TResult>> load)
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
