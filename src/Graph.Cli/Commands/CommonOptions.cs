using System.CommandLine;
using Graph.Store;
using Graph.Store.Sqlite;

namespace Graph.Cli.Commands;

/// <summary>Options shared by the commands.</summary>
internal static class CommonOptions
{
    public static Option<DirectoryInfo> Data() => new("--data")
    {
        Description = "The folder of the catalogue's SQLite store (graph.db); the service's --data. Created if missing.",
        DefaultValueFactory = _ => new DirectoryInfo("data"),
    };

    /// <summary>Opens the store of a data folder and makes sure its schema exists.</summary>
    public static async Task<IGraphStore> OpenStoreAsync(DirectoryInfo data, CancellationToken cancellationToken)
    {
        var store = new SqliteGraphStore(Path.Combine(data.FullName, "graph.db"));
        await store.EnsureSchemaAsync(cancellationToken);
        return store;
    }
}
