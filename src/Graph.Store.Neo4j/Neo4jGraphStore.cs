using Microsoft.Extensions.Logging;

namespace Graph.Store.Neo4j;

/// <summary>The production store of record: Neo4j 5.26+ or Aura over the HTTP Query API, one explicit transaction per ChangeSet.</summary>
/// <remarks>
/// Behaves as the SQLite store does (the shared contract suite checks it): property merge, tombstones, relationships
/// only between live nodes, no sequence bump for a set that changes nothing, a ChangeSet id recorded with its
/// sequence. Any number of replicas may write to one database; the counter node serialises them. The HttpClient is
/// not disposed by the store. On a self-managed cluster, every request of an explicit transaction must reach the
/// member that opened it: the adapter sends back the neo4j-cluster-affinity header the server gives (Neo4j 2025.03
/// and later, "Fix support on cluster environments"), and a load balancer in front must keep a client on one member.
/// </remarks>
public sealed partial class Neo4jGraphStore : IGraphStore
{
    private static readonly HashSet<string> AlreadyExists = new(StringComparer.Ordinal)
    {
        "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
        "Neo.ClientError.Schema.ConstraintAlreadyExists",
        "Neo.ClientError.Schema.IndexAlreadyExists",
    };

    private readonly QueryApiClient _client;
    private readonly Neo4jReader _reader;
    private readonly Neo4jStoreOptions _options;
    private readonly ILogger<Neo4jGraphStore> _logger;

    /// <summary>Creates the store; nothing is sent until the first call.</summary>
    /// <param name="http">The client requests go through (not disposed by the store).</param>
    /// <param name="options">Where the server is and how to talk to it.</param>
    /// <param name="logger">The log.</param>
    /// <param name="retry">How single read requests are retried (commits are retried by the writer only).</param>
    public Neo4jGraphStore(HttpClient http, Neo4jStoreOptions options, ILogger<Neo4jGraphStore> logger, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize, nameof(options.BatchSize));
        if (options.Timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), "Neo4j Timeout must be positive.");
        _options = options;
        _logger = logger;
        _client = new QueryApiClient(http, options, retry ?? new RetryPolicy(), logger);
        _reader = new Neo4jReader(_client, options.BatchSize);
    }

    /// <summary>The client, for the access store on the same server.</summary>
    internal QueryApiClient Client => _client;

    /// <summary>The server and database, without credentials.</summary>
    public string Endpoint => _client.Endpoint.ToString();

    /// <inheritdoc />
    /// <exception cref="GraphStoreException">The server is older than 5.26, its Query API is off, or a statement failed; the message says what to change.</exception>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        var version = await Neo4jServerCheck.RunAsync(_client, cancellationToken).ConfigureAwait(false);
        LogServer(Endpoint, version);
        var none = new Dictionary<string, object?>();
        foreach (var statement in Neo4jStatements.Schema)
        {
            try
            {
                await _client.RunAsync(statement, none, cancellationToken).ConfigureAwait(false);
            }
            catch (GraphStoreException e) when (QueryApiErrors.Code(e) is { } code && AlreadyExists.Contains(code))
            {
                // Another replica starting at the same moment created it between the check and the creation.
            }
        }

        await _client.RunAsync(Neo4jStatements.EnsureMeta, none, cancellationToken).ConfigureAwait(false);
        try
        {
            await _client.RunAsync(Neo4jStatements.AwaitIndexes, new Dictionary<string, object?> { ["seconds"] = 300L }, cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreException e) when (!e.IsTransient)
        {
            // Queries are correct while indexes populate, only slower; a server that refuses the procedure still works.
            LogIndexesNotAwaited(e.Message);
        }

        LogSchemaEnsured(Endpoint, Neo4jStatements.Schema.Count);
    }

    /// <inheritdoc />
    public async Task<CommitResult> ApplyAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var plan = ChangeSetPlan.Build(changes, _options.BatchSize);
        if (plan.Steps.Count == 0)
            return new CommitResult(await GetSequenceAsync(cancellationToken).ConfigureAwait(false), 0, 0);

        // One attempt: the writer retries a transient failure, and its retry finds a commit whose reply was lost by the set's id.
        var result = await Neo4jChangeApplier.ApplyAsync(_client, plan, changes, cancellationToken).ConfigureAwait(false);
        if (result.Changed)
            LogCommitted(result.Sequence, changes.Source, result.NodesChanged, result.EdgesChanged, plan.Steps.Count);
        return result;
    }

    /// <inheritdoc />
    public Task<long> ReadAllAsync(IChangeSink sink, CancellationToken cancellationToken) => _reader.ReadAllAsync(sink, null, cancellationToken);

    /// <inheritdoc />
    public Task<long> ReadAllAsync(IChangeSink sink, ReadScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _reader.ReadAllAsync(sink, scope, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> ReadChangesAsync(long afterSequence, IChangeSink sink, CancellationToken cancellationToken) =>
        _reader.ReadChangesAsync(afterSequence, sink, cancellationToken);

    /// <inheritdoc />
    public async Task<PurgeResult> PurgeTombstonesAsync(DateTimeOffset committedBefore, CancellationToken cancellationToken)
    {
        var before = new Dictionary<string, object?> { ["before"] = committedBefore.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        var horizon = await _client.RunAsync(Neo4jStatements.RaisePurgeHorizon, before, cancellationToken).ConfigureAwait(false);
        long through = horizon.Long("through"), erased = horizon.Long("erased");
        if (through <= erased)
            return new PurgeResult(through, 0, 0);
        long edges = 0, nodes = 0;
        for (var after = erased; after < through; after += PurgeWindow)
        {
            var upTo = Math.Min(through, after + PurgeWindow);
            foreach (var kind in Domain.GraphModel.Relations)
                edges += await PurgeAsync(Neo4jStatements.For(kind).Purge, after, upTo, cancellationToken).ConfigureAwait(false);
            foreach (var kind in Domain.GraphModel.NodeKinds)
                nodes += await PurgeAsync(Neo4jStatements.For(kind).Purge, after, upTo, cancellationToken).ConfigureAwait(false);
            await _client.RunAsync(Neo4jStatements.RecordErased, new Dictionary<string, object?> { ["through"] = upTo }, cancellationToken).ConfigureAwait(false);
        }

        return new PurgeResult(through, nodes, edges);
    }

    // The changes a batch looks among: a batch reads the live rows of its changes too (on the _seq indexes), so a window keeps
    // that read short however many changes a purge covers (the first purge of a store covers all of them), and an interrupted
    // purge resumes after the last window it finished.
    private const long PurgeWindow = 256;

    // Batches of one statement, each its own transaction, until one erases less than a batch.
    private async Task<long> PurgeAsync(CypherStatement statement, long after, long through, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?> { ["after"] = after, ["through"] = through, ["limit"] = (long)_options.BatchSize };
        long purged = 0;
        while (true)
        {
            var count = (await _client.RunAsync(statement, parameters, cancellationToken).ConfigureAwait(false)).Long("purged");
            purged += count;
            if (count < _options.BatchSize)
                return purged;
        }
    }

    /// <inheritdoc />
    public Task<long> GetSequenceAsync(CancellationToken cancellationToken) => _reader.ReadSequenceAsync(cancellationToken);

    /// <inheritdoc />
    public Task<string?> GetChangeMarkAsync(long sequence, CancellationToken cancellationToken) => _reader.ReadChangeMarkAsync(sequence, cancellationToken);

    /// <inheritdoc />
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        var sequence = await GetSequenceAsync(cancellationToken).ConfigureAwait(false);
        var nodes = await CountAsync(Neo4jStatements.NodeStatistics, cancellationToken).ConfigureAwait(false);
        var edges = await CountAsync(Neo4jStatements.EdgeStatistics, cancellationToken).ConfigureAwait(false);
        return new StoreStatistics(sequence, nodes, edges);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<IReadOnlyDictionary<string, long>> CountAsync(CypherStatement statement, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(statement, new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in result.Rows)
            counts[(string)row[0]!] = QueryResult.AsLong(row[1]);
        return counts;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Neo4j at {Endpoint} is version {Version}")]
    private partial void LogServer(string endpoint, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Neo4j schema ensured at {Endpoint}: {Statements} constraints and indexes")]
    private partial void LogSchemaEnsured(string endpoint, int statements);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Neo4j did not wait for its indexes to come online: {Reason}")]
    private partial void LogIndexesNotAwaited(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Neo4j committed change {Sequence} from {Source}: {Nodes} nodes, {Edges} relationships in {Statements} statements")]
    private partial void LogCommitted(long sequence, string source, int nodes, int edges, int statements);
}
