using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

/// <summary>The real Neo4j the server tests run against, named by environment variables, and how each test gets it clean.</summary>
/// <remarks>
/// GRAPH_TEST_NEO4J=http://neo4j:password@localhost:7474 (optionally /database at the end);
/// GRAPH_TEST_NEO4J_USER and GRAPH_TEST_NEO4J_PASSWORD override the URL's credentials. Every test deletes every
/// node of that database first, so the tests refuse a database that holds nodes they did not create (one without
/// their :GraphStoreTestMarker node): point them at a disposable server, never at one with data to keep.
/// </remarks>
internal static class Neo4jTestServer
{
    /// <summary>The variable that names the server.</summary>
    public const string Variable = "GRAPH_TEST_NEO4J";

    /// <summary>The label of the node that marks a database as the tests' own.</summary>
    public const string MarkerLabel = "GraphStoreTestMarker";

    /// <summary>Statements the tests send besides the adapter's, linted with them.</summary>
    public static readonly CypherStatement CountNodes = new("Test:CountNodes", "MATCH (n) RETURN count(n) AS count", new Dictionary<string, object?>());

    /// <summary>Counts the marker nodes.</summary>
    public static readonly CypherStatement CountMarkers = new("Test:CountMarkers", $"MATCH (m:{MarkerLabel}) RETURN count(m) AS count", new Dictionary<string, object?>());

    /// <summary>Deletes one batch of nodes other than the marker; run until it deletes none.</summary>
    public static readonly CypherStatement DeleteBatch = new(
        "Test:DeleteBatch",
        $"""
        MATCH (n)
        WHERE NOT n:{MarkerLabel}
        WITH n
        LIMIT $limit
        DETACH DELETE n
        RETURN count(*) AS deleted
        """,
        new Dictionary<string, object?> { ["limit"] = 10_000L });

    /// <summary>Creates the marker.</summary>
    public static readonly CypherStatement Mark = new("Test:Mark", $"MERGE (m:{MarkerLabel} {{id: 'graph-store-tests'}}) RETURN m.id AS id", new Dictionary<string, object?>());

    /// <summary>Every statement the tests send.</summary>
    public static IReadOnlyList<CypherStatement> Statements { get; } = [CountNodes, CountMarkers, DeleteBatch, Mark];

    /// <summary>The retry policy of the tests: short delays.</summary>
    public static RetryPolicy Retry { get; } = new() { FirstDelay = TimeSpan.FromMilliseconds(50) };

    /// <summary>The options for the server, or null when none is named.</summary>
    public static Neo4jStoreOptions? Options { get; } = Read();

    /// <summary>Why the server tests cannot run, or null when a server is named.</summary>
    public static string? MissingReason => Options is null
        ? $"No Neo4j server: set {Variable}=http://neo4j:password@localhost:7474 (and optionally {Variable}_USER / {Variable}_PASSWORD), e.g. to the one `docker compose up neo4j` starts, to run the contract suite against Neo4j."
        : null;

    /// <summary>Deletes every node (schema kept) after checking the database is the tests' own.</summary>
    public static async Task ResetAsync(HttpClient http, Neo4jStoreOptions options)
    {
        var client = new QueryApiClient(http, options, Retry, NullLogger.Instance);
        var none = new Dictionary<string, object?>();
        var nodes = (await client.RunAsync(CountNodes, none, CancellationToken.None)).Long("count");
        var markers = (await client.RunAsync(CountMarkers, none, CancellationToken.None)).Long("count");
        if (nodes > 0 && markers == 0)
        {
            throw new InvalidOperationException(
                $"{Variable} names {client.Endpoint}, which holds {nodes} nodes the tests did not create; the tests delete everything, so they refuse it. Point {Variable} at a disposable Neo4j.");
        }

        var batch = new Dictionary<string, object?> { ["limit"] = 10_000L };
        while ((await client.RunAsync(DeleteBatch, batch, CancellationToken.None)).Long("deleted") > 0)
        {
        }

        await client.RunAsync(Mark, none, CancellationToken.None);
    }

    private static Neo4jStoreOptions? Read()
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(url))
            return null;
        var options = Neo4jStoreOptions.FromUrl(url);
        options.User = Environment.GetEnvironmentVariable($"{Variable}_USER") is { Length: > 0 } user ? user : options.User;
        options.Password = Environment.GetEnvironmentVariable($"{Variable}_PASSWORD") is { Length: > 0 } password ? password : options.Password;
        return options;
    }
}
