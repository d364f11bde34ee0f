namespace Graph.Store.Neo4j;

/// <summary>An explicit Query API transaction: statements run in it, then one commit or one rollback.</summary>
/// <remarks>Disposing a transaction that was neither committed nor rolled back rolls it back.</remarks>
internal sealed class QueryApiTransaction(QueryApiClient client, string id, string? affinity) : IAsyncDisposable
{
    // A rollback after a failure must not wait as long as a statement may.
    private static readonly TimeSpan RollbackTimeout = TimeSpan.FromSeconds(10);

    private bool _finished;

    /// <summary>The transaction id the server gave.</summary>
    public string Id { get; } = id;

    /// <summary>The cluster affinity the server gave, sent back with every request of the transaction.</summary>
    public string? Affinity { get; } = affinity;

    private string Url => $"{client.Endpoint.QueryPath}/tx/{Uri.EscapeDataString(Id)}";

    /// <summary>Runs a statement in the transaction; on failure the server has already rolled it back.</summary>
    public Task<QueryResult> RunAsync(CypherStatement statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        return client.SendAsync(HttpMethod.Post, Url, TypedJson.Request(statement.Text, parameters), Affinity, statement.Name, cancellationToken);
    }

    /// <summary>Commits the transaction.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        await client.SendAsync(HttpMethod.Post, $"{Url}/commit", TypedJson.Request(null, null), Affinity, "commit", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rolls the transaction back; failures are ignored, since the server drops an abandoned transaction by itself.</summary>
    public async Task RollbackAsync()
    {
        if (_finished)
            return;
        _finished = true;
        using var timeout = new CancellationTokenSource(RollbackTimeout);
        try
        {
            await client.SendAsync(HttpMethod.Delete, Url, null, Affinity, "rollback", timeout.Token).ConfigureAwait(false);
        }
        catch (GraphStoreException)
        {
            // A failed statement has usually ended the transaction already (TransactionNotFound).
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(RollbackAsync());
}
