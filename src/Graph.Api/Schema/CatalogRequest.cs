using Graph.Catalog;
using GraphQL;

namespace Graph.Api.Schema;

/// <summary>What one GraphQL request reads: a single snapshot, and the batch loaders of its fields.</summary>
internal sealed class CatalogRequest(CatalogSnapshot snapshot, ServiceLimits limits)
{
    private const string Key = "catalog";
    private readonly Dictionary<object, object> _loaders = new(ReferenceEqualityComparer.Instance);

    /// <summary>The snapshot the request reads; a mutation moves it to the snapshot that holds its own write.</summary>
    public CatalogSnapshot Snapshot { get; set; } = snapshot;

    public ServiceLimits Limits { get; } = limits;

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
