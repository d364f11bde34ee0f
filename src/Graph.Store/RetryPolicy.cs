namespace Graph.Store;

/// <summary>The one retry policy of store work: transient failures are retried with doubling, jittered delays.</summary>
/// <remarks>
/// Commits are retried by <see cref="GraphWriter"/> only (a retried ChangeSet is recognised by its id, so a commit
/// whose reply was lost is reported, not applied twice); adapters use the same policy for their single read requests
/// and never retry a commit themselves. Configuration section "Graph:Retry".
/// </remarks>
public sealed class RetryPolicy
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph:Retry";

    /// <summary>How many times a transient failure is retried before it is reported.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The delay before the first retry; each later retry doubles it (up to 10 s).</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The delay before a retry, with up to a quarter more at random so that replicas that failed together do not retry together.</summary>
    public TimeSpan Delay(int retry)
    {
        var exponential = FirstDelay.TotalMilliseconds * Math.Pow(2, retry - 1);
        return TimeSpan.FromMilliseconds(Math.Min(exponential * (1 + (Random.Shared.NextDouble() / 4)), 10_000));
    }

    /// <summary>Runs an operation, retrying it while it fails with a transient <see cref="GraphStoreException"/>.</summary>
    /// <param name="attempt">The operation.</param>
    /// <param name="onRetry">Told before each retry: its number, the delay and the failure.</param>
    /// <param name="cancellationToken">Stops waiting and retrying.</param>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, Action<int, TimeSpan, GraphStoreException>? onRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        for (var retry = 1; ; retry++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (GraphStoreException e) when (e.IsTransient && retry <= MaxRetries)
            {
                var delay = Delay(retry);
                onRetry?.Invoke(retry, delay, e);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
