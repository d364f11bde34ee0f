using Graph.Ingest.Mappings;
using Graph.Testing;

namespace Graph.Ingest.Tests.Mappings;

/// <summary>A SQLite store in a temporary folder with a writer, for import and export tests.</summary>
internal sealed class MappingStore : StoreScenario
{
    public static async Task<MappingStore> CreateAsync()
    {
        var store = new MappingStore();
        await store.Store.EnsureSchemaAsync(CancellationToken.None);
        return store;
    }

    public async Task<MappingImportResult> ImportAsync(string text, bool partial)
    {
        var existing = await MappingSetSource.ReadAsync(Store, CancellationToken.None);
        return await MappingImporter.ImportAsync(Writer, SssomReader.Read(new StringReader(text)), partial, existing.Concepts.ContainsKey, writtenBy: null, CancellationToken.None);
    }

    public async Task<string> ExportAsync()
    {
        var source = await MappingSetSource.ReadAsync(Store, CancellationToken.None);
        using var text = new StringWriter();
        SssomWriter.Write(text, source.Mappings, source.Concepts);
        return text.ToString();
    }
}
