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

    /// <summary>The index file, where the catalogue index is saved so that a restart reads it instead of the whole store (then only
    /// the changes since); a relative path is in the data folder; "none" for no file. Command line: --index-file PATH.</summary>
    public string IndexFile { get; set; } = "catalog.index";

    /// <summary>How often the index file is saved again while the catalogue changes, in seconds (it is also saved after the first
    /// load and when the service stops).</summary>
    public double IndexFileIntervalSeconds { get; set; } = 300;

    /// <summary>After how many days the tombstone of a deletion (the key of a withdrawn study or series, a deleted cohort) is erased
    /// for good; 0 keeps tombstones for ever. The service purges once an hour. A replica stopped for longer reads the whole store at
    /// start instead of its index file and the changes since.</summary>
    public double PurgeTombstonesAfterDays { get; set; } = 30;

    /// <summary>The index file's full path, or null for none.</summary>
    public string? IndexFilePath() =>
        string.IsNullOrWhiteSpace(IndexFile) || IndexFile.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFullPath(Path.Combine(DataDirectory, IndexFile.Trim()));

    /// <summary>Whether browsers get the Banana Cake Pop IDE at /graphql.</summary>
    public bool EnableIde { get; set; } = true;

    /// <summary>Whether the catalogue explorer (the web page built on the public GraphQL API) is served at /.</summary>
    public bool EnableExplorer { get; set; } = true;
}
