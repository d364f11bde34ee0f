using Graph.Ingest.Vocabulary;
using Graph.Store.Sqlite;
using Graph.Testing;

namespace Graph.Cli.Tests;

/// <summary><c>graph import vocabulary</c> as an operator runs it: the shipped concepts.tsv into an empty catalogue (which holds the reference data first), exit codes, line numbers, rejects file.</summary>
public sealed class ImportVocabularyTests : IDisposable
{
    private const string Local = """
        # A hospital's local tumour codes.
        curie	system	label	synonyms	broader	source
        LOCAL:GLIOMA	Hospital codes	Glioma (local)	Glial tumour		local list 2024
        LOCAL:GBM		Glioblastoma (local)	GBM|Grade 4 glioma	LOCAL:GLIOMA	local list 2024
        """;

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Data => _folder.File("data");

    private string Write(string name, string text)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    private async Task<(ConceptCatalogue Catalogue, long Sequence)> ReadAsync()
    {
        await using var store = new SqliteGraphStore(Path.Combine(Data, "graph.db"));
        var catalogue = await ConceptCatalogue.ReadAsync(store, CancellationToken.None);
        return (catalogue, await store.GetSequenceAsync(CancellationToken.None));
    }

    private static string ShippedConcepts()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Graph.sln")))
            folder = folder.Parent;
        return Path.Combine(folder!.FullName, "src", "Graph.Ingest", "Vocabulary", "concepts.tsv");
    }

    [Fact]
    public async Task Import_ShippedConceptsTsvIntoEmptyData_AgreesWithTheReferenceDataLoadedFirst()
    {
        var (exit, output, error) = await GraphCommand.RunAsync("import", "vocabulary", ShippedConcepts(), "--data", Data);
        Assert.True(exit == 0, error);
        var count = SeedVocabulary.Concepts.Count;
        // The import first adds the reference data (the same file, embedded), so the shipped file finds every concept as it is.
        Assert.Contains($"Read {count} concepts: 0 created, 0 updated, {count} unchanged, 0 broader links added, 0 removed, 0 rows rejected.", output, StringComparison.Ordinal);
        Assert.Contains("(codes): warning: unknown column, ignored", error, StringComparison.Ordinal);
        var (catalogue, sequence) = await ReadAsync();
        Assert.Equal(count, catalogue.Count);
        foreach (var seed in SeedVocabulary.Concepts)
        {
            var concept = catalogue.Find(seed.Curie);
            Assert.NotNull(concept);
            Assert.Equal((seed.System, seed.Label, string.Join('|', seed.Synonyms)), (concept.System, concept.Label, string.Join('|', concept.Synonyms)));
            Assert.Equal(seed.Broader is null ? [] : [seed.Broader], concept.Broader);
        }

        var again = await GraphCommand.RunAsync("import", "vocabulary", ShippedConcepts(), "--data", Data);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains($"0 created, 0 updated, {count} unchanged, 0 broader links added", again.Output, StringComparison.Ordinal);
        Assert.Equal(sequence, (await ReadAsync()).Sequence);
    }

    [Fact]
    public async Task Import_BadRow_ExitsOneNamingTheLineAndAppliesNothing()
    {
        var file = Write("local.tsv", Local + "\nLOCAL:LGG\t\tLow-grade glioma\t\tLOCAL:ASTROCYTOMA\t");
        var rejects = _folder.File("rejects.tsv");
        var (exit, output, error) = await GraphCommand.RunAsync("import", "vocabulary", file, "--rejects", rejects, "--data", Data);
        Assert.Equal(1, exit);
        Assert.Contains("line 5 (broader): broader 'LOCAL:ASTROCYTOMA' is neither a concept of this file nor of the catalogue", error, StringComparison.Ordinal);
        Assert.Contains("nothing was applied", output, StringComparison.Ordinal);
        Assert.Contains("5\tbroader\trejected\tbroader 'LOCAL:ASTROCYTOMA'", await File.ReadAllTextAsync(rejects), StringComparison.Ordinal);
        var (catalogue, _) = await ReadAsync();
        Assert.Equal(SeedVocabulary.Concepts.Count, catalogue.Count);
        Assert.Null(catalogue.Find("LOCAL:GLIOMA"));
        Assert.Null(catalogue.Find("LOCAL:GBM"));
    }

    [Fact]
    public async Task Import_Partial_AppliesTheGoodRowsAndExitsOne()
    {
        var file = Write("local.tsv", Local + "\nLOCAL:LGG\t\tLow-grade glioma\t\tLOCAL:ASTROCYTOMA\t");
        var (exit, output, _) = await GraphCommand.RunAsync("import", "vocabulary", file, "--partial", "--data", Data);
        Assert.Equal(1, exit);
        Assert.Contains("Read 3 concepts: 2 created, 0 updated, 0 unchanged, 1 broader links added, 0 removed, 1 rows rejected.", output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(Data, "rejects", "import-vocabulary-"), output, StringComparison.Ordinal);
        var (catalogue, _) = await ReadAsync();
        Assert.Equal(["LOCAL:GLIOMA"], catalogue.Find("LOCAL:GBM")!.Broader);
        Assert.Null(catalogue.Find("LOCAL:LGG"));
    }

    [Theory]
    [InlineData("csv", "curie,label,broader\nLOCAL:GLIOMA,Glioma (local),\nLOCAL:GBM,Glioblastoma (local),LOCAL:GLIOMA")]
    [InlineData("json", "[{ \"curie\": \"LOCAL:GLIOMA\", \"label\": \"Glioma (local)\" }, { \"curie\": \"LOCAL:GBM\", \"label\": \"Glioblastoma (local)\", \"broader\": [\"LOCAL:GLIOMA\"] }]")]
    public async Task Import_CsvOrJsonFile_CreatesTheHierarchy(string extension, string text)
    {
        var file = Write("local." + extension, text);
        var (exit, output, error) = await GraphCommand.RunAsync("import", "vocabulary", file, "--data", Data);
        Assert.True(exit == 0, error);
        Assert.Contains("2 created", output, StringComparison.Ordinal);
        Assert.Equal(["LOCAL:GLIOMA"], (await ReadAsync()).Catalogue.Find("LOCAL:GBM")!.Broader);
    }

    [Theory]
    [InlineData("missing.tsv", null, "does not exist")]
    [InlineData("no-label.tsv", null, "the header row has no 'label' column")]
    [InlineData("v3.csv", null, "line 1: the header row has no 'curie' or 'label' column; it names foo, bar. Nothing was applied.")]
    [InlineData("excel.csv", null, "line 1: the header row 'curie;label;broader' looks semicolon-separated, as Excel saves CSV in many European locales; "
        + "a CSV file's columns must be separated by commas. Nothing was applied.")]
    [InlineData("excel-hint.csv", null, "line 1: the first line 'sep=;' is Excel's hint that the file is semicolon-separated")]
    [InlineData("local.tsv", "xml", "--format must be tsv, csv or json")]
    public async Task Import_UsageErrorOrUnreadableFile_ExitsTwo(string name, string? format, string message)
    {
        var path = name switch
        {
            "missing.tsv" => _folder.File(name),
            "no-label.tsv" => Write(name, "curie\tsystem\nLOCAL:A\tLocal"),
            "v3.csv" => Write(name, "foo,bar"),
            "excel.csv" => Write(name, "curie;label;broader\nLOCAL:A;Alpha;"),
            "excel-hint.csv" => Write(name, "sep=;\ncurie;label;broader\nLOCAL:A;Alpha;"),
            _ => Write(name, Local),
        };
        string[] args = format is null ? ["import", "vocabulary", path, "--data", Data] : ["import", "vocabulary", path, "--format", format, "--data", Data];
        var (exit, output, error) = await GraphCommand.RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Read ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CsvWithAnUnknownColumn_WarnsOnLine1()
    {
        // Regression: a warning about the header row was reported on line 2.
        var file = Write("local.csv", "curie,label,codes\nLOCAL:GLIOMA,Glioma (local),C71");
        var (exit, _, error) = await GraphCommand.RunAsync("import", "vocabulary", file, "--data", Data);
        Assert.True(exit == 0, error);
        Assert.Contains($"{file}: line 1 (codes): warning: unknown column, ignored", error, StringComparison.Ordinal);
    }
}
