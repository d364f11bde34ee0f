// Loads the synthetic demo catalogue into Neo4j over the Query API and prints rows per second, beside SQLite in the same run.
//   dotnet run -c Release --project bench/Graph.Bench.Neo4j -- [--neo4j URL] [--patients 2000] [--batch-size 5000]
// The server comes from --neo4j or GRAPH_TEST_NEO4J (http://neo4j:password@localhost:7474[/database]);
// GRAPH_TEST_NEO4J_USER / _PASSWORD override the URL's credentials. Without a server it says so and exits 0.
// The catalogue is merged into the database: a second run finds it loaded and measures the no-change path.
using Graph.Bench.Neo4j;
using Graph.Ingest.Demo;
using Graph.Store;
using Graph.Store.Neo4j;
using Graph.Store.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

var arguments = args.Select((value, i) => (value, i)).Where(a => a.value.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(a => a.value, a => a.i + 1 < args.Length ? args[a.i + 1] : "", StringComparer.Ordinal);
var url = arguments.GetValueOrDefault("--neo4j") ?? Environment.GetEnvironmentVariable("GRAPH_TEST_NEO4J");
if (string.IsNullOrWhiteSpace(url))
{
    Console.WriteLine("No Neo4j server given (--neo4j URL or GRAPH_TEST_NEO4J=http://neo4j:password@localhost:7474): nothing measured.");
    return 0;
}

var patients = int.Parse(arguments.GetValueOrDefault("--patients") ?? "2000", System.Globalization.CultureInfo.InvariantCulture);
var options = Neo4jStoreOptions.FromUrl(url);
options.User = Environment.GetEnvironmentVariable("GRAPH_TEST_NEO4J_USER") is { Length: > 0 } user ? user : options.User;
options.Password = Environment.GetEnvironmentVariable("GRAPH_TEST_NEO4J_PASSWORD") is { Length: > 0 } password ? password : options.Password;
options.BatchSize = int.Parse(arguments.GetValueOrDefault("--batch-size") ?? "5000", System.Globalization.CultureInfo.InvariantCulture);
var demo = new DemoOptions { Patients = patients };

using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
await using var neo4j = new Neo4jGraphStore(http, options, NullLogger<Neo4jGraphStore>.Instance);
var folder = Path.Combine(Path.GetTempPath(), $"bench-neo4j-peer-{Guid.NewGuid():N}");
await using var sqlite = new SqliteGraphStore(Path.Combine(folder, "graph.db"));
try
{
    Console.WriteLine($"Demo catalogue of {patients:N0} patients; Neo4j at {neo4j.Endpoint}, batch size {options.BatchSize:N0}.");
    var before = await neo4j.GetSequenceAsync(CancellationToken.None);
    if (before > 0)
        Console.WriteLine($"The database already holds changes up to {before}; the catalogue is merged into it.");
    var results = new List<LoadResult>
    {
        await CatalogueLoader.RunAsync("Neo4j", neo4j, demo, CancellationToken.None),
        await CatalogueLoader.RunAsync("SQLite", sqlite, demo, CancellationToken.None),
    };
    Console.WriteLine();
    Console.WriteLine($"{"store",-8} {"sets",6} {"rows",12} {"changed",12} {"load s",8} {"rows/s",10} {"read rows",12} {"read s",8} {"read rows/s",12}");
    foreach (var r in results)
        Console.WriteLine($"{r.Store,-8} {r.Sets,6} {r.Rows,12:N0} {r.Changed,12:N0} {r.Load.TotalSeconds,8:F1} {r.RowsPerSecond,10:N0} {r.ReadRows,12:N0} {r.Read.TotalSeconds,8:F1} {r.ReadRowsPerSecond,12:N0}");
    return 0;
}
catch (GraphStoreException e)
{
    Console.Error.WriteLine($"The store failed{(e.IsTransient ? " (transient)" : "")}: {e.Message}");
    return 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (Directory.Exists(folder))
        Directory.Delete(folder, recursive: true);
}
