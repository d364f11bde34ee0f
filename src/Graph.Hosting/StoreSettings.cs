using Graph.Store;
using Graph.Store.Neo4j;
using Microsoft.Extensions.Configuration;

namespace Graph.Hosting;

/// <summary>The store settings of a process, read the same way by the service and by every graph command.</summary>
public sealed class StoreSettings
{
    /// <summary>The setting that names the store: sqlite (default) or neo4j.</summary>
    public const string StoreKey = "Graph:Store";

    /// <summary>The setting that names the data folder (SQLite files, audit log, harvest checkpoints, reports).</summary>
    public const string DataDirectoryKey = "Graph:DataDirectory";

    /// <summary>The setting of the follow interval, which also bounds how long an API key look-up is remembered.</summary>
    public const string FollowIntervalKey = "Graph:FollowIntervalSeconds";

    /// <summary>The store of record.</summary>
    public StoreKind Kind { get; init; } = StoreKind.Sqlite;

    /// <summary>The data folder.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>How often a process reads the changes others committed, and how long an API key look-up is remembered.</summary>
    public TimeSpan FollowInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The Neo4j settings (section Graph:Neo4j), used when <see cref="Kind"/> is Neo4j.</summary>
    public Neo4jStoreOptions Neo4j { get; init; } = new();

    /// <summary>The retry policy of store work (section Graph:Retry).</summary>
    public RetryPolicy Retry { get; init; } = new();

    /// <summary>The SQLite catalogue file in the data folder.</summary>
    public string SqlitePath => Path.Combine(DataDirectory, "graph.db");

    /// <summary>Where the store is, for messages (never a password).</summary>
    public string Describe() => Kind == StoreKind.Sqlite ? $"SQLite store {Path.GetFullPath(SqlitePath)}" : $"Neo4j store {Neo4j.Uri.Scheme}://{Neo4j.Uri.Host}:{Neo4j.Uri.Port} (database '{Neo4j.Database}')";

    /// <summary>Reads the settings.</summary>
    /// <exception cref="ArgumentException">A setting has a value the store cannot use; the message names the setting.</exception>
    public static StoreSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var kindText = configuration[StoreKey];
        var kind = string.IsNullOrWhiteSpace(kindText)
            ? StoreKind.Sqlite
            : Enum.TryParse<StoreKind>(kindText.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new ArgumentException($"{StoreKey} must be sqlite or neo4j, not '{kindText}'.");
        var neo4j = new Neo4jStoreOptions();
        var retry = new RetryPolicy();
        try
        {
            configuration.GetSection(Neo4jStoreOptions.Section).Bind(neo4j);
            configuration.GetSection(RetryPolicy.Section).Bind(retry);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException($"The settings {Neo4jStoreOptions.Section}:* or {RetryPolicy.Section}:* cannot be read: {e.Message}", e);
        }

        var interval = configuration.GetValue<double?>(FollowIntervalKey) ?? 2;
        return new StoreSettings
        {
            Kind = kind,
            DataDirectory = configuration[DataDirectoryKey] is { Length: > 0 } data ? data : "data",
            FollowInterval = TimeSpan.FromSeconds(Math.Max(0.05, interval)),
            Neo4j = neo4j,
            Retry = retry,
        };
    }
}
