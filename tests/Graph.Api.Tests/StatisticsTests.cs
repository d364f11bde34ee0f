using Graph.Ingest.Vocabulary;
using Graph.Store.Sqlite;

namespace Graph.Api.Tests;

[Collection(CatalogueCollection.Name)]
public sealed class StatisticsTests(CatalogueFactory service)
{
    [Fact]
    public async Task CatalogueStatistics_SeededDemo_MatchesStoreCounts()
    {
        var data = await service.DataAsync("{ catalogueStatistics { repositories datasets cancerTypes patients { value exact } diagnoses { value } studies { value } series { value } relationships catalogueVersion } }");
        await using var store = new SqliteGraphStore(service.DatabasePath);
        var stored = await store.GetStatisticsAsync(CancellationToken.None);

        var stats = data["catalogueStatistics"]!;
        Assert.Equal(36, (int)stats["datasets"]!);
        Assert.Equal(9, (int)stats["cancerTypes"]!);
        Assert.Equal(CatalogueFactory.Patients, (int)stats["patients"]!["value"]!);
        Assert.True((bool)stats["patients"]!["exact"]!);
        Assert.Equal(stored.Nodes["Series"], (int)stats["series"]!["value"]!);
        Assert.Equal(stored.Nodes["Study"], (int)stats["studies"]!["value"]!);
        Assert.Equal(stored.Nodes["Repository"], (int)stats["repositories"]!);
        // Relationships: the stored ones and the series' CODED_AS links derived from modality and body part.
        string Codes(string prefix) => string.Join(", ", SeedVocabulary.Concepts.Where(c => c.Curie.StartsWith(prefix, StringComparison.Ordinal)).Select(c => $"\"{c.Code}\""));
        var coded = await service.DataAsync($$"""
            {
              modality: series(where: { modality: { in: [{{Codes("DCM:")}}] } }) { totalCount }
              bodyPart: series(where: { bodyPart: { in: [{{Codes("DCMBP:")}}] } }) { totalCount }
            }
            """);
        var derived = (int)coded["modality"]!["totalCount"]! + (int)coded["bodyPart"]!["totalCount"]!;
        Assert.True(derived > 0);
        Assert.Equal(stored.Relationships.Values.Sum() + derived, (int)stats["relationships"]!);
        Assert.Equal(stored.Sequence, (long)stats["catalogueVersion"]!);
    }
}
