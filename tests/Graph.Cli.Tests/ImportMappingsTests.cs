using Graph.Testing;

namespace Graph.Cli.Tests;

/// <summary><c>graph import mappings</c> and <c>graph export mappings</c> as an operator runs them: exit codes, line numbers, round trip.</summary>
public sealed class ImportMappingsTests : IDisposable
{
    private const string Metadata = """
        #curie_map:
        #  NCIT: "http://purl.obolibrary.org/obo/NCIT_"
        #  PARTNER: "https://partner.example/onto/"
        #mapping_set_id: "https://partner.example/mappings/brain.sssom.tsv"
        #license: "https://creativecommons.org/licenses/by/4.0/"
        subject_id	subject_label	predicate_id	object_id	object_label	mapping_justification	confidence	author_id	mapping_date
        PARTNER:G1	Glioma (partner)	skos:exactMatch	NCIT:C3059	Glioma	semapv:ManualMappingCuration	0.95	orcid:0000-0002-1825-0097	2024-05-31
        """;

    private const string BadRow = "PARTNER:G2\tGlioblastoma (partner)\tskos:narrowMatch\tNCIT:C3058\tGlioblastoma\tsemapv:LexicalMatching\t1.8\t\t2024-06-01";

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string name, string text)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    private string Data => _folder.File("data");

    [Fact]
    public async Task Import_BadRow_ExitsOneNamingTheLineAndAppliesNothing()
    {
        var file = Write("bad.sssom.tsv", Metadata + "\n" + BadRow);
        var (exit, output, error) = await GraphCommand.RunAsync("import", "mappings", file, "--data", Data);
        Assert.Equal(1, exit);
        Assert.Contains("line 8: confidence 1.8 is not between 0 and 1", error, StringComparison.Ordinal);
        Assert.Contains("nothing was applied", output, StringComparison.Ordinal);
        var (_, exported, _) = await GraphCommand.RunAsync("export", "mappings", "--data", Data);
        Assert.DoesNotContain("PARTNER:G1", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Partial_AppliesTheGoodRowsAndExitsOne()
    {
        var file = Write("bad.sssom.tsv", Metadata + "\n" + BadRow);
        var (exit, output, _) = await GraphCommand.RunAsync("import", "mappings", file, "--partial", "--data", Data);
        Assert.Equal(1, exit);
        Assert.Contains("1 mappings applied, 1 concepts created, 1 rows rejected", output, StringComparison.Ordinal);
        var (_, exported, _) = await GraphCommand.RunAsync("export", "mappings", "--data", Data);
        Assert.Contains("PARTNER:G1\tGlioma (partner)\tskos:exactMatch\tNCIT:C3059", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportExportImport_IntoEmptyCatalogue_GivesTheSameFile()
    {
        var file = Write("good.sssom.tsv", Metadata);
        var (exit, output, error) = await GraphCommand.RunAsync("import", "mappings", file, "--data", Data);
        Assert.True(exit == 0, error);
        Assert.Contains("1 mappings applied", output, StringComparison.Ordinal);
        var first = _folder.File("first.sssom.tsv");
        Assert.Equal(0, (await GraphCommand.RunAsync("export", "mappings", first, "--data", Data)).ExitCode);
        Assert.Equal(0, (await GraphCommand.RunAsync("import", "mappings", first, "--data", _folder.File("empty"))).ExitCode);
        var second = _folder.File("second.sssom.tsv");
        Assert.Equal(0, (await GraphCommand.RunAsync("export", "mappings", second, "--data", _folder.File("empty"))).ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(first), await File.ReadAllTextAsync(second));
    }

    [Theory]
    [InlineData("missing.tsv", 2, "does not exist")]
    [InlineData("no-license.tsv", 2, "license")]
    public async Task Import_UnreadableFile_ExitsTwo(string name, int expected, string message)
    {
        var path = name == "missing.tsv" ? _folder.File(name) : Write(name, Metadata.Replace("#license: \"https://creativecommons.org/licenses/by/4.0/\"\n", "", StringComparison.Ordinal));
        var (exit, _, error) = await GraphCommand.RunAsync("import", "mappings", path, "--data", Data);
        Assert.Equal(expected, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Latin1File_ExitsTwoAsNotUtf8AndAppliesNothing()
    {
        // Regression: the Latin-1 é (0xE9) was decoded as U+FFFD and "Glioblastome \uFFFDtendu" stored, exit 0.
        var path = _folder.File("latin1.sssom.tsv");
        await File.WriteAllBytesAsync(path, System.Text.Encoding.Latin1.GetBytes(
            Metadata.ReplaceLineEndings("\n").Replace("Glioma (partner)", "Glioblastome étendu", StringComparison.Ordinal) + "\n"));

        var (exit, output, error) = await GraphCommand.RunAsync("import", "mappings", path, "--data", Data);

        Assert.True(exit == 2, output + error);
        Assert.Contains("not UTF-8", error, StringComparison.Ordinal);
        var (_, exported, _) = await GraphCommand.RunAsync("export", "mappings", "--data", Data);
        Assert.DoesNotContain("PARTNER:G1", exported, StringComparison.Ordinal);
    }
}
