using System.Runtime.ExceptionServices;
using Graph.Catalog;
using GraphQL.DataLoader;

namespace Graph.Api.Schema.Execution;

/// <summary>Collects the parents of one field across a level of the result, then reads the index once for all of them.</summary>
/// <remarks>GraphQL.NET resolves every field of a level before it asks any <see cref="IDataLoaderResult"/> for its value.</remarks>
internal sealed class BatchLoader<TResult>(CatalogRequest request, Func<IReadOnlyList<GraphNode>, IReadOnlyDictionary<GraphNode, TResult>> load)
{
    private readonly Lock _gate = new();
    private readonly List<GraphNode> _pending = [];
    private readonly Dictionary<GraphNode, TResult> _results = [];
    private readonly Dictionary<GraphNode, ExceptionDispatchInfo> _failures = [];

    public IDataLoaderResult<TResult> Load(GraphNode node)
    {
        lock (_gate)
        {
            if (!_results.ContainsKey(node))
                _pending.Add(node);
        }

        return new Result(this, node);
    }

    private TResult Get(GraphNode node)
    {
        lock (_gate)
        {
            if (_pending.Count > 0)
            {
                var batch = _pending.Distinct().ToArray();
                _pending.Clear();
                request.BatchReads++;
                try
                {
                    foreach (var (key, value) in load(batch))
                        _results[key] = value;
                }
                catch (Exception e)
                {
                    // Every parent of the failed batch gets the batch's error (a bad cursor is BAD_USER_INPUT for each), not a missing result.
                    var failure = ExceptionDispatchInfo.Capture(e);
                    foreach (var key in batch)
                        _failures[key] = failure;
                }
            }

            if (_failures.TryGetValue(node, out var error))
                error.Throw();
            return _results[node];
        }
    }

    private sealed class Result(BatchLoader<TResult> loader, GraphNode node) : IDataLoaderResult<TResult>
    {
        public Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(loader.Get(node));

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            Task.FromResult<object?>(loader.Get(node));
    }
}
