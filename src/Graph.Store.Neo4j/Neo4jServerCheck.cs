using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Graph.Store.Neo4j;

/// <summary>Checks, before anything else is sent, that the server can work with this adapter: its Query API answers and its version is new enough.</summary>
/// <remarks>
/// The minimum is Neo4j 5.26: every write is an explicit Query API transaction (<c>/query/v2/tx</c>), which the Query
/// API changelog lists under "Neo4j 5.26: Introduce Explicit Transactions" (neo4j/docs-query-api,
/// modules/ROOT/pages/changelog.adoc; https://neo4j.com/docs/query-api/current/changelog/). The API itself came as a
/// preview in 5.19–5.23 and was off by default on self-managed servers before 5.25 (module QUERY_API_ENDPOINTS of
/// server.http_enabled_modules). Aura runs current versions.
/// </remarks>
internal static partial class Neo4jServerCheck
{
    /// <summary>The oldest Neo4j version the adapter works with.</summary>
    public static readonly Version MinimumVersion = new(5, 26);

    /// <summary>The minimum as text ("5.26").</summary>
    public static string MinimumVersionText => MinimumVersion.ToString(2);

    /// <summary>Asks the server for its components; reports the version.</summary>
    public static readonly CypherStatement Components = new(
        "ServerComponents",
        """
        CALL dbms.components() YIELD name, versions, edition
        RETURN name, versions, edition
        """,
        new Dictionary<string, object?>());

    /// <summary>Returns the server's version, or throws a non-transient exception that says what to change.</summary>
    public static async Task<string> RunAsync(QueryApiClient client, CancellationToken cancellationToken)
    {
        QueryResult components;
        try
        {
            components = await client.RunAsync(Components, new Dictionary<string, object?>(), cancellationToken).ConfigureAwait(false);
        }
        catch (GraphStoreException e) when (QueryApiErrors.Status(e) is HttpStatusCode.NotFound && QueryApiErrors.Code(e) is null)
        {
            throw await NoQueryApiAsync(client, e, cancellationToken).ConfigureAwait(false);
        }

        var name = components.Column("name");
        var versions = components.Column("versions");
        var edition = components.Column("edition");
        var kernel = components.Rows.FirstOrDefault(r => r[name] is "Neo4j Kernel") ?? components.Rows.FirstOrDefault();
        var version = kernel?[versions] is List<object?> { Count: > 0 } list ? list[0] as string : null;
        if (version is null)
            throw new GraphStoreException($"Neo4j at {client.Endpoint} did not say its version (dbms.components()); this service needs Neo4j {MinimumVersionText} or later.");
        if (!IsSupported(version))
        {
            throw new GraphStoreException(
                $"Neo4j at {client.Endpoint} is version {version} ({kernel![edition]} edition); this service needs Neo4j {MinimumVersionText} or later (or Aura), "
                + $"because it writes through the Query API's explicit transactions, which came in {MinimumVersionText}. Upgrade the server.");
        }

        return version;
    }

    /// <summary>Whether a version text (5.26.0, 2025.03.0, 5.27-aura) is at least the minimum.</summary>
    public static bool IsSupported(string version)
    {
        var match = Leading().Match(version);
        return match.Success
            && new Version(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) >= MinimumVersion;
    }

    private static async Task<GraphStoreException> NoQueryApiAsync(QueryApiClient client, GraphStoreException cause, CancellationToken cancellationToken)
    {
        var discovery = await client.DiscoverAsync(cancellationToken).ConfigureAwait(false);
        var version = discovery?["neo4j_version"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var path = client.Endpoint.QueryPath;
        var message = version switch
        {
            null => $"{client.Endpoint.Root} answers HTTP 404 at {path} and gives no Neo4j discovery document: point Graph:Neo4j:Uri at a Neo4j {MinimumVersionText}+ server "
                + "whose Query API is enabled (server.http_enabled_modules includes QUERY_API_ENDPOINTS), and Graph:Neo4j:Database at one of its databases.",
            _ when !IsSupported(version) => $"Neo4j {version} at {client.Endpoint.Root} has no usable Query API at {path} (HTTP 404); this service needs Neo4j {MinimumVersionText} or later "
                + $"(the Query API's explicit transactions came in {MinimumVersionText}). Upgrade the server.",
            _ => $"Neo4j {version} at {client.Endpoint.Root} answers HTTP 404 at {path}: its Query API is not enabled. Add QUERY_API_ENDPOINTS to server.http_enabled_modules "
                + "(Docker: NEO4J_server_http__enabled__modules=TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,BROWSER,QUERY_API_ENDPOINTS) and restart it.",
        };
        return new GraphStoreException(message, false, cause);
    }

    [GeneratedRegex(@"^(\d+)\.(\d+)")]
    private static partial Regex Leading();
}
