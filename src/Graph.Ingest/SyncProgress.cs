namespace Graph.Ingest;

/// <summary>Reports progress on the caller's thread (Progress&lt;T&gt; posts to the thread pool, out of order).</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
