using Graph.Ingest.Mappings;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Ingest.Tests.Mappings;

/// <summary>A SQLite store in a temporary folder with a writer, for import and export tests.</summary>
internal sealed class MappingStore : IAsyncDisposable
{
    private readonly TempDirectory _folder;

    private MappingStore(TempDirectory folder, SqliteGraphStore store)
    {
        _folder = folder;
        Store = store;
        Writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
    }

    public SqliteGraphStore Store { get; }

    public GraphWriter Writer { get; }

    public static async Task<MappingStore> CreateAsync()
    {
        var folder = new TempDirectory();
        var store = new SqliteGraphStore(folder.File("graph.db"));
        await store.EnsureSchemaAsync(CancellationToken.None);
        return new MappingStore(folder, store);
    }

    public async Task<MappingImportResult> ImportAsync(string text, bool partial)
    {
        var existing = await MappingSetSource.ReadAsync(Store, CancellationToken.None);
        return await MappingImporter.ImportAsync(Writer, SssomReader.Read(new StringReader(text)), partial, existing.Concepts.ContainsKey, CancellationToken.None);
    }

    public async Task<string> ExportAsync()
    {
        var source = await MappingSetSource.ReadAsync(Store, CancellationToken.None);
        using var text = new StringWriter();
        SssomWriter.Write(text, source.Mappings, source.Concepts);
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _folder.Dispose();
    }
}
