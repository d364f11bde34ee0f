using Graph.Ingest.Mappings;
using Graph.Ingest.Vocabulary;
using Graph.Store;

namespace Graph.Ingest.Tests.Mappings;

/// <summary>Importing and exporting SSSOM mappings through the writer into SQLite: whole or partial files, idempotence, round trip.</summary>
public sealed class MappingImporterTests
{
    [Fact]
    public async Task Import_FileWithBadRows_AppliesNothing()
    {
        await using var store = await MappingStore.CreateAsync();
        var result = await store.ImportAsync(SssomText.Of(SssomText.Metadata, SssomText.Good, SssomText.Bad), partial: false);
        Assert.Equal(0, result.Applied);
        Assert.Equal(7, result.Rejections.Count);
        Assert.Empty((await MappingSetSource.ReadAsync(store.Store, CancellationToken.None)).Mappings);
        Assert.Equal(0, await store.Store.GetSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Import_Partial_AppliesTheGoodRowsAndCreatesTheirConcepts()
    {
        await using var store = await MappingStore.CreateAsync();
        var result = await store.ImportAsync(SssomText.Of(SssomText.Metadata, SssomText.Good, SssomText.Bad), partial: true);
        Assert.Equal((2, 4, 7), (result.Applied, result.ConceptsCreated, result.Rejections.Count));
        var source = await MappingSetSource.ReadAsync(store.Store, CancellationToken.None);
        Assert.Equal(["NCIT:C3058", "NCIT:C3059", "PARTNER:G1", "PARTNER:G2"], source.Concepts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("https://partner.example/onto/G1", source.Concepts["PARTNER:G1"].Iri);
        var mapping = source.Mappings.Single(m => m.SubjectId == "PARTNER:G1");
        Assert.Equal(("exactMatch", 0.95, "orcid:0000-0002-1825-0097", "2024-05-31"), (mapping.Predicate, mapping.Confidence, mapping.Author, mapping.Date));
    }

    [Fact]
    public async Task Import_SameFileTwice_ChangesNothingTheSecondTime()
    {
        await using var store = await MappingStore.CreateAsync();
        var text = SssomText.Of(SssomText.Metadata, SssomText.Good);
        await store.ImportAsync(text, partial: false);
        var sequence = await store.Store.GetSequenceAsync(CancellationToken.None);
        await store.ImportAsync(text, partial: false);
        Assert.Equal(sequence, await store.Store.GetSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Import_ExistingConcept_KeepsItsLabel()
    {
        await using var store = await MappingStore.CreateAsync();
        await store.Writer.WriteAsync(ReferenceData.Plan(_ => false), CancellationToken.None);
        await store.ImportAsync(SssomText.Of(SssomText.Metadata, SssomText.Good.Replace("\tGlioma\t", "\tglioma, as the partner spells it\t", StringComparison.Ordinal)), partial: false);
        var source = await MappingSetSource.ReadAsync(store.Store, CancellationToken.None);
        Assert.Equal("Glioma", source.Concepts["NCIT:C3059"].Label);
    }

    [Fact]
    public async Task RoundTrip_ExportImportIntoEmptyCatalogueExport_GivesTheSameMappingSet()
    {
        await using var first = await MappingStore.CreateAsync();
        await first.Writer.WriteAsync(ReferenceData.Plan(_ => false), CancellationToken.None);
        await first.ImportAsync(SssomText.Of(SssomText.Metadata, SssomText.Good), partial: false);
        var exported = await first.ExportAsync();

        await using var empty = await MappingStore.CreateAsync();
        var result = await empty.ImportAsync(exported, partial: false);
        Assert.Empty(result.Rejections);
        var again = await empty.ExportAsync();

        Assert.Equal(exported, again);
        var document = SssomReader.Read(new StringReader(again));
        Assert.Equal(SeedVocabulary.Mappings.Mappings.Count + 2, document.Mappings.Count);
        var partner = document.Mappings.Single(m => m.SubjectId == "PARTNER:G2");
        Assert.Equal(("Glioblastoma (partner)", "narrowMatch", "semapv:LexicalMatching", 0.8, "2024-06-01"),
            (partner.SubjectLabel, partner.Predicate, partner.Justification, partner.Confidence, partner.Date));
        Assert.Equal("https://partner.example/onto/", document.CurieMap["PARTNER"]);
    }
}
