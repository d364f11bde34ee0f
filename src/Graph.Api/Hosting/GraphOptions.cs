namespace Graph.Api.Hosting;

/// <summary>Settings of the service (configuration section "Graph").</summary>
public sealed class GraphOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph";

    /// <summary>The data folder: the SQLite store (graph.db, access.db) when Graph:Store is sqlite, and the audit log; created if missing. Command line: --data DIR.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Whether to seed the synthetic demo catalogue when the store is empty. Command line: --seed-demo false.</summary>
    public bool SeedDemoOnEmptyStore { get; set; } = true;

    /// <summary>The number of patients of the demo catalogue (20,000 gives about 200,000 series).</summary>
    public int DemoPatients { get; set; } = 20_000;

    /// <summary>How often to read changes other processes committed to the store, in seconds.</summary>
    public double FollowIntervalSeconds { get; set; } = 2;

    /// <summary>Whether browsers get the Banana Cake Pop IDE at /graphql.</summary>
    public bool EnableIde { get; set; } = true;

    /// <summary>Whether the catalogue explorer (the web page built on the public GraphQL API) is served at /.</summary>
    public bool EnableExplorer { get; set; } = true;
}
