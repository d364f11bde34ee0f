using GraphQL.DataLoader;

namespace Graph.Api.Schema;

/// <summary>Collects the parents of one field across a level of the result, then reads the index once for all of them.</summary>
/// <remarks>GraphQL.NET resolves every field of a level before it asks any <see cref="IDataLoaderResult"/> for its value.</remarks>
internal sealed class BatchLoader<TResult>(CatalogRequest request, Func<IReadOnlyList<int>, IReadOnlyDictionary<int, TResult>> load)
{
    private readonly Lock _gate = new();
    private readonly List<int> _pending = [];
    private readonly Dictionary<int, TResult> _results = [];

    public IDataLoaderResult<TResult> Load(int ordinal)
    {
        lock (_gate)
        {
            if (!_results.ContainsKey(ordinal))
                _pending.Add(ordinal);
        }

        return new Result(this, ordinal);
    }

    private TResult Get(int ordinal)
    {
        lock (_gate)
        {
            if (_pending.Count > 0)
            {
                var batch = _pending.Distinct().ToArray();
                _pending.Clear();
                request.BatchReads++;
                foreach (var (key, value) in load(batch))
                    _results[key] = value;
            }

            return _results[ordinal];
        }
    }

    private sealed class Result(BatchLoader<TResult> loader, int ordinal) : IDataLoaderResult<TResult>
    {
        public Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(loader.Get(ordinal));

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            Task.FromResult<object?>(loader.Get(ordinal));
    }
}
