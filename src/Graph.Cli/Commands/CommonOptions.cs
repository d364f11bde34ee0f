using System.CommandLine;
using Graph.Ingest.Vocabulary;
using Graph.Store;
using Graph.Store.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

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

    /// <summary>A writer for an import: first adds the reference data the catalogue lacks (cancer types, seed vocabulary), which imports link to.</summary>
    public static async Task<GraphWriter> ImportWriterAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
        await ReferenceData.EnsureAsync(store, writer, cancellationToken);
        return writer;
    }
}
