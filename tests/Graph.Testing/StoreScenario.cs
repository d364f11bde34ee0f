using Graph.Store;
using Graph.Store.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Testing;

/// <summary>A temporary folder with a SQLite store of record and a writer over it: the base of the scenarios that write to a
/// store and read it back.</summary>
public class StoreScenario : IAsyncDisposable
{
    /// <summary>Creates the folder, and the store in <paramref name="dataFolder"/> inside it (null: in the folder itself).</summary>
    public StoreScenario(string? dataFolder = null)
    {
        DataDirectory = dataFolder is null ? Folder.Path : Folder.File(dataFolder);
        Directory.CreateDirectory(DataDirectory);
        Store = new SqliteGraphStore(DatabasePath);
        Writer = new GraphWriter(Store, [], NullLogger<GraphWriter>.Instance);
    }

    /// <summary>The temporary folder, deleted on dispose.</summary>
    public TempDirectory Folder { get; } = new();

    /// <summary>The data folder of the store.</summary>
    public string DataDirectory { get; }

    /// <summary>The store's database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "graph.db");

    public SqliteGraphStore Store { get; }

    public GraphWriter Writer { get; }

    /// <summary>Every node and relationship the store holds.</summary>
    public async Task<CollectingSink> ReadAllAsync()
    {
        var sink = new CollectingSink();
        await Store.ReadAllAsync(sink, CancellationToken.None);
        return sink;
    }

    /// <summary>Closes the store and deletes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
