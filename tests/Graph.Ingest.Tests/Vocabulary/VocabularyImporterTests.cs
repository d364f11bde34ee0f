using Graph.Domain;
using Graph.Ingest.Records;
using Graph.Ingest.Tests.Mappings;
using Graph.Ingest.Vocabulary;
using Graph.Store;
using Graph.Testing;

namespace Graph.Ingest.Tests.Vocabulary;

/// <summary>Importing vocabularies through the writer into SQLite: rejections with their lines, whole or partial, the replace rule, idempotence.</summary>
public sealed class VocabularyImporterTests
{
    private static async Task<VocabularyImportResult> ImportAsync(MappingStore store, string text, bool partial = false, VocabularyFormat format = VocabularyFormat.Tsv)
    {
        var catalogue = await ConceptCatalogue.ReadAsync(store.Store, CancellationToken.None);
        var records = VocabularyReader.Read(VocabularyText.Bytes(text), format);
        return await VocabularyImporter.ImportAsync(store.Writer, records, format, catalogue, partial, writtenBy: null, CancellationToken.None);
    }

    private static async Task<ConceptCatalogue> ReadAsync(MappingStore store) => await ConceptCatalogue.ReadAsync(store.Store, CancellationToken.None);

    private static async Task SeedAsync(MappingStore store) =>
        await store.Writer.WriteAsync(ReferenceData.Plan(_ => false), CancellationToken.None);

    [Fact]
    public async Task Import_ShippedConceptsTsvIntoEmptyStore_GivesTheSeedConceptsAndBroaderLinks()
    {
        await using var store = await MappingStore.CreateAsync();
        var records = VocabularyReader.Read(await File.ReadAllBytesAsync(VocabularyText.ShippedConceptsPath()), VocabularyFormat.Tsv);
        var result = await VocabularyImporter.ImportAsync(store.Writer, records, VocabularyFormat.Tsv, await ReadAsync(store), partial: false, writtenBy: null, CancellationToken.None);

        var seed = ReferenceData.Plan(_ => false);
        var seedConcepts = seed.Nodes.Where(n => n.Label == "Concept").ToList();
        var seedBroader = seed.Edges.Count(e => e.Type == "BROADER");
        Assert.Equal((seedConcepts.Count, seedConcepts.Count, 0, seedBroader, 0), (result.Rows, result.Created, result.Rejected, result.BroaderAdded, result.BroaderRemoved));
        var sink = new CollectingSink();
        await store.Store.ReadAllAsync(sink, CancellationToken.None);
        var stored = sink.Nodes.Where(n => n.Node.Label == "Concept").ToDictionary(n => n.Node.Key, n => n.Node);
        foreach (var expected in seedConcepts)
        {
            var actual = stored[expected.Key];
            Assert.Equal(expected.Properties.OrderBy(p => p.Key).Select(p => (p.Key, PropertyValues.Describe(p.Value))),
                actual.Properties.OrderBy(p => p.Key).Select(p => (p.Key, PropertyValues.Describe(p.Value))));
        }

        Assert.Equal(
            seed.Edges.Where(e => e.Type == "BROADER").Select(e => (e.From.Key, e.To.Key)).Order(),
            sink.Edges.Where(e => e.Edge.Type == "BROADER").Select(e => (e.Edge.From.Key, e.Edge.To.Key)).Order());
    }

    [Fact]
    public async Task Import_LocalHierarchy_CreatesConceptsWithPrefixSystemAndBroaderLinks()
    {
        await using var store = await MappingStore.CreateAsync();
        var result = await ImportAsync(store, VocabularyText.Tsv);
        Assert.Equal((3, 3, 3, 0, 2, 0, true), (result.Rows, result.Applied, result.Created, result.Rejected, result.BroaderAdded, result.BroaderRemoved, result.Changed));
        var catalogue = await ReadAsync(store);
        var gbm = catalogue.Find("LOCAL:GBM")!;
        Assert.Equal(("LOCAL", "Glioblastoma (local)", null), (gbm.System, gbm.Label, gbm.Iri));
        Assert.Equal(["GBM", "Grade 4 glioma"], gbm.Synonyms);
        Assert.Equal(["LOCAL:GLIOMA"], gbm.Broader);
        Assert.Equal("Hospital codes", catalogue.Find("LOCAL:GLIOMA")!.System);
    }

    [Fact]
    public async Task Import_KnownPrefix_GetsTheSystemNameAndIriOfThePrefix()
    {
        await using var store = await MappingStore.CreateAsync();
        await ImportAsync(store, VocabularyText.Of("NCIT:C3059\t\tGlioma\t\t\t\t", "NCIT:C0000\t\tSomething\t\tNCIT:C3059\t\t"));
        var concept = (await ReadAsync(store)).Find("NCIT:C0000")!;
        Assert.Equal(("NCIt", "http://purl.obolibrary.org/obo/NCIT_C0000"), (concept.System, concept.Iri));
        Assert.Equal(["NCIT:C3059"], concept.Broader);
    }

    [Theory]
    [InlineData("LOCAL:A\t\tAlpha\t\t\t\t\nLOCAL:A\t\tAlpha again\t\t\t\t", 3, "curie", "curie 'LOCAL:A' repeats line 2")]
    [InlineData("LOCAL A\t\tAlpha\t\t\t\t", 2, "curie", "curie 'LOCAL A' is not a CURIE")]
    [InlineData(":A\t\tAlpha\t\t\t\t", 2, "curie", "curie ':A' is not a CURIE")]
    [InlineData("\t\tAlpha\t\t\t\t", 2, "curie", "curie is missing")]
    [InlineData("LOCAL:A\t\t\t\t\t\t", 2, "label", "label is missing")]
    [InlineData("LOCAL:A\t\tAlpha\t\tLOCAL:NOWHERE\t\t", 2, "broader", "broader 'LOCAL:NOWHERE' is neither a concept of this file nor of the catalogue")]
    [InlineData("LOCAL:A\t\tAlpha\t\tnot a curie\t\t", 2, "broader", "broader 'not a curie' is not a CURIE")]
    [InlineData("LOCAL:A\t\tAlpha\t\tLOCAL:A\t\t", 2, "broader", "BROADER cycle: broader 'LOCAL:A' is the concept itself")]
    [InlineData("LOCAL:A\t\tAlpha\t\tlocal:A\t\t", 2, "broader", "BROADER cycle: broader 'local:A' is the concept itself")]
    [InlineData("LOCAL:A\t\tAlpha\t\tLOCAL:B\t\t\nLOCAL:B\t\tBeta\t\tLOCAL:C\t\t\nLOCAL:C\t\tGamma\t\tLOCAL:A\t\t", 3, "broader", "BROADER cycle: LOCAL:B -> LOCAL:C -> LOCAL:A -> LOCAL:B")]
    [InlineData("LOCAL:A\t\tAlpha\t\t\t\t\t\textra", 2, "", "the line has 9 tab-separated fields where the header has 7")]
    [InlineData("LOCAL:A\tA system name that is much longer than the sixty-four characters a system may have\tAlpha\t\t\t\t", 2, "system", "is longer than 64 characters")]
    [InlineData("LOCAL:A\t\tAlpha\t\t\t\t", 0, "", "")]
    [InlineData("LOCAL:A\t\tAlpha\t\t\t\t\nLOCAL:B\t\tBeta\t\tLOCAL:A\t\t", 0, "", "")]
    [InlineData("LOCAL:A\t\tAlpha\tok|\u0001bad\t\t\t", 2, "synonyms", "contains a control character")]
    public async Task Import_BadRow_RejectedWithItsLineColumnAndReason(string rows, int line, string column, string reason)
    {
        await using var store = await MappingStore.CreateAsync();
        var result = await ImportAsync(store, VocabularyText.Of(rows));
        var rejections = result.Problems.Where(p => p.Severity == ProblemSeverity.Rejected).ToList();
        if (line == 0)
        {
            Assert.Empty(rejections);
            return;
        }

        Assert.Contains(rejections, p => p.Line == line && p.Column == column && p.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(0, result.Applied);
        Assert.Equal(0, await store.Store.GetSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Import_OverLongValues_RejectedByTheModelsLimits()
    {
        await using var store = await MappingStore.CreateAsync();
        var result = await ImportAsync(store, VocabularyText.Of(
            $"LOCAL:{new string('x', 65)}\t\tAlpha\t\t\t\t",
            $"LOCAL:B\t\t{new string('b', 501)}\t\t\t\t",
            $"LOCAL:C\t\tGamma\t{new string('c', 501)}\t\t\t"));
        var rejections = result.Problems.Where(p => p.Severity == ProblemSeverity.Rejected).ToList();
        Assert.Equal([2, 3, 4], rejections.Select(p => p.Line));
        Assert.Contains("codes have at most 64 characters", rejections[0].Reason, StringComparison.Ordinal);
        Assert.Equal(("label", "synonyms"), (rejections[1].Column, rejections[2].Column));
        Assert.All(rejections.Skip(1), p => Assert.Contains("is longer than 500 characters", p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_IriColumn_StoredWhenAbsoluteRejectedOtherwise()
    {
        await using var store = await MappingStore.CreateAsync();
        var result = await ImportAsync(store, $"curie\tlabel\tiri\nLOCAL:A\tAlpha\thttps://hospital.example/codes/A\nLOCAL:B\tBeta\tcodes/B\nLOCAL:C\tGamma\thttps://hospital.example/{new string('c', 2048)}", partial: true);
        Assert.Equal(
            [(3, "iri", "iri 'codes/B' is not an absolute IRI"), (4, "iri", "is longer than 2048 characters")],
            result.Problems.Select(p => (p.Line, p.Column, p.Reason.Contains("2048", StringComparison.Ordinal) ? "is longer than 2048 characters" : p.Reason[..p.Reason.IndexOf(" (", StringComparison.Ordinal)])));
        Assert.Equal("https://hospital.example/codes/A", (await ReadAsync(store)).Find("LOCAL:A")!.Iri);
    }

    [Fact]
    public async Task Import_WholeFileWithBadRow_AppliesNothing()
    {
        await using var store = await MappingStore.CreateAsync();
        var result = await ImportAsync(store, VocabularyText.Tsv + "\nLOCAL:BAD\t\t\t\t\t\t");
        Assert.Equal((4, 0, 0, 1, false), (result.Rows, result.Applied, result.Created, result.Rejected, result.Changed));
        Assert.Equal(0, (await ReadAsync(store)).Count);
        Assert.Equal(0, await store.Store.GetSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Import_Partial_AppliesGoodRowsAndRejectsRowsBelowARejectedRow()
    {
        await using var store = await MappingStore.CreateAsync();
        var result = await ImportAsync(store, VocabularyText.Of(
            "LOCAL:GLIOMA\t\tGlioma\t\t\t\t",
            "LOCAL:ASTRO\t\t\t\tLOCAL:GLIOMA\t\t",
            "LOCAL:GBM\t\tGlioblastoma\t\tLOCAL:ASTRO\t\t",
            "LOCAL:LGG\t\tLow-grade glioma\t\tLOCAL:GLIOMA\t\t"), partial: true);
        Assert.Equal((4, 2, 2, 2), (result.Rows, result.Applied, result.Created, result.Rejected));
        Assert.Contains(result.Problems, p => p.Line == 3 && p.Column == "label");
        Assert.Contains(result.Problems, p => p.Line == 4 && p.Reason == "broader 'LOCAL:ASTRO' is the concept of line 3, which is rejected");
        var catalogue = await ReadAsync(store);
        Assert.Equal(2, catalogue.Count);
        Assert.Equal(["LOCAL:GLIOMA"], catalogue.Find("LOCAL:LGG")!.Broader);
    }

    [Fact]
    public async Task Import_SameFileTwice_ChangesNothingTheSecondTime()
    {
        await using var store = await MappingStore.CreateAsync();
        await SeedAsync(store);
        var text = VocabularyText.Tsv + "\nNCIT:C3058\t\tGlioblastoma\tGBM\tNCIT:C3059|LOCAL:GBM\t\t";
        var first = await ImportAsync(store, text);
        Assert.Equal((3, 1, 3, true), (first.Created, first.Updated, first.BroaderAdded, first.Changed));
        var sequence = await store.Store.GetSequenceAsync(CancellationToken.None);
        var second = await ImportAsync(store, text);
        Assert.Equal((0, 0, 4, 0, 0, false), (second.Created, second.Updated, second.Unchanged, second.BroaderAdded, second.BroaderRemoved, second.Changed));
        Assert.Equal(sequence, await store.Store.GetSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Import_ExistingConcept_GivenValuesReplaceBlankValuesKeep()
    {
        await using var store = await MappingStore.CreateAsync();
        await SeedAsync(store);
        var before = (await ReadAsync(store)).Find("NCIT:C3058")!;
        var result = await ImportAsync(store, VocabularyText.Tsv + "\nNCIT:C3058\t\tGlioblastoma, as the hospital spells it\t\tLOCAL:GBM\t\t\nNCIT:C3059\t\tGlioma\tGlial neoplasm\t\t\t");
        Assert.Equal((3, 2, 1, 1), (result.Created, result.Updated, result.BroaderAdded - 2, result.BroaderRemoved));
        var catalogue = await ReadAsync(store);
        var gbm = catalogue.Find("NCIT:C3058")!;
        Assert.Equal(("Glioblastoma, as the hospital spells it", before.System, before.Iri), (gbm.Label, gbm.System, gbm.Iri));
        Assert.Equal(before.Synonyms, gbm.Synonyms);
        Assert.Equal(["LOCAL:GBM"], gbm.Broader);
        var glioma = catalogue.Find("NCIT:C3059")!;
        Assert.Equal(["Glial neoplasm"], glioma.Synonyms);

        // A blank broader column keeps the stored links.
        await ImportAsync(store, VocabularyText.Of("NCIT:C3058\t\tGlioblastoma\t\t\t\t"));
        Assert.Equal(["LOCAL:GBM"], (await ReadAsync(store)).Find("NCIT:C3058")!.Broader);
    }

    [Fact]
    public async Task Import_CycleThroughStoredLinks_Rejected()
    {
        await using var store = await MappingStore.CreateAsync();
        await ImportAsync(store, VocabularyText.Tsv);
        var result = await ImportAsync(store, VocabularyText.Of("LOCAL:GLIOMA\t\tGlioma (local)\t\tLOCAL:GBM\t\t"));
        var rejection = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Rejected);
        Assert.Equal((2, "BROADER cycle: LOCAL:GLIOMA -> LOCAL:GBM -> LOCAL:GLIOMA"), (rejection.Line, rejection.Reason));
        Assert.Empty((await ReadAsync(store)).Find("LOCAL:GLIOMA")!.Broader);
    }

    /// <summary>Review: once two concurrent imports had stored a BROADER cycle, every import naming its concepts was refused as a
    /// whole, unchanged rows included, so the cycle could not even be re-imported as it was.</summary>
    [Fact]
    public async Task Import_RowsKeepingTheirLinksOverAStoredCycle_PassAndRowsChangingThemAreStillChecked()
    {
        await using var store = await MappingStore.CreateAsync();
        var broader = GraphModel.Relation("BROADER", "Concept", "Concept")!;
        var cycle = new ChangeSet { Source = "test" };
        foreach (var (code, label) in new[] { ("A", "Alpha"), ("B", "Beta"), ("C", "Gamma") })
            cycle.Add(NodeRecord.Of(GraphModel.Concept, "LOCAL:" + code, ("system", "LOCAL"), ("code", code), ("label", label)));
        cycle.Add(EdgeRecord.Of(broader, "LOCAL:A", "LOCAL:B"));
        cycle.Add(EdgeRecord.Of(broader, "LOCAL:B", "LOCAL:A"));
        await store.Writer.WriteAsync(cycle, CancellationToken.None);

        var unchanged = await ImportAsync(store, VocabularyText.Of("LOCAL:A		Alpha		LOCAL:B		", "LOCAL:B		Beta, relabelled				"));
        Assert.Equal((2, 0, 1), (unchanged.Applied, unchanged.Rejected, unchanged.Updated));
        Assert.Equal("Beta, relabelled", (await ReadAsync(store)).Find("LOCAL:B")!.Label);

        var widened = await ImportAsync(store, VocabularyText.Of("LOCAL:A		Alpha		LOCAL:B|LOCAL:C		"));
        Assert.Equal("BROADER cycle: LOCAL:A -> LOCAL:B -> LOCAL:A", Assert.Single(widened.Problems, p => p.Severity == ProblemSeverity.Rejected).Reason);

        var broken = await ImportAsync(store, VocabularyText.Of("LOCAL:A		Alpha		LOCAL:C		"));
        Assert.Equal((1, 0, 1), (broken.Applied, broken.Rejected, broken.BroaderRemoved));
    }

    [Theory]
    [InlineData(VocabularyFormat.Csv)]
    [InlineData(VocabularyFormat.Json)]
    public async Task Import_CsvOrJson_GivesTheSameGraphAsTsv(VocabularyFormat format)
    {
        await using var tsv = await MappingStore.CreateAsync();
        await ImportAsync(tsv, VocabularyText.Tsv);
        await using var other = await MappingStore.CreateAsync();
        var result = await ImportAsync(other, format == VocabularyFormat.Csv ? VocabularyText.Csv : VocabularyText.Json, format: format);
        Assert.Equal((3, 2, 0), (result.Created, result.BroaderAdded, result.Rejected));
        var expected = await ReadAsync(tsv);
        var actual = await ReadAsync(other);
        foreach (var curie in new[] { "LOCAL:GLIOMA", "LOCAL:GBM", "LOCAL:LGG" })
        {
            var (e, a) = (expected.Find(curie)!, actual.Find(curie)!);
            Assert.Equal((e.System, e.Label, e.Iri, string.Join('|', e.Synonyms), string.Join('|', e.Broader)), (a.System, a.Label, a.Iri, string.Join('|', a.Synonyms), string.Join('|', a.Broader)));
        }
    }

    [Fact]
    public async Task Import_JsonRowWithoutCurie_RejectedWithTheLineOfItsObject()
    {
        await using var store = await MappingStore.CreateAsync();
        var result = await ImportAsync(store, "[\n  { \"curie\": \"LOCAL:A\", \"label\": \"Alpha\" },\n  { \"label\": \"Nameless\" }\n]", format: VocabularyFormat.Json);
        var rejection = Assert.Single(result.Problems);
        Assert.Equal((3, "curie"), (rejection.Line, rejection.Column));
    }
}
