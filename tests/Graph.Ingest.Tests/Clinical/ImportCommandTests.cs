using Graph.Ingest.Records;
using Graph.Ingest.Tests.Dicom.Support;
using Graph.Testing;

namespace Graph.Ingest.Tests.Clinical;

/// <summary>graph import clinical and graph import algorithms as an operator runs them: a process, exit codes, summary and rejects report.</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private ClinicalScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await ClinicalScenario.CreateAsync();

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Help_DescribesTheColumnsAndOptions()
    {
        var (exit, output, _) = await GraphCommand.RunInAsync(null, null, "import", "clinical", "--help");

        Assert.Equal(0, exit);
        foreach (var word in new[] { "FILE", "--format", "--rejects", "--batch", "--data", "pseudonym", "icdO3Morphology", "gleasonScore", "vitalStatus" })
            Assert.Contains(word, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportClinical_WithABadRecord_Exits1_WritesTheRejectsReport_AndAgainChangesNothing()
    {
        var file = _scenario.File("clinical.csv", """
            pseudonym,cancerType,icd10,stage,er
            SYN-CLI-000001,breast,C50.4,IIA,positive
            SYN-CLI-000002,,C50.1,IIIZ,positive
            """);
        var rejects = _scenario.File("rejects.tsv", "");

        var (exit, output, error) = await GraphCommand.RunInAsync(null, null, "import", "clinical", file, "--data", _scenario.DataDirectory, "--rejects", rejects);
        var (again, againOutput, _) = await GraphCommand.RunInAsync(null, null, "import", "clinical", file, "--data", _scenario.DataDirectory, "--rejects", rejects);

        Assert.True(exit == 1, error);
        Assert.Contains("2 records", output, StringComparison.Ordinal);
        Assert.Contains("1 applied, 1 rejected", output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(rejects);
        Assert.Equal(ProblemsReport.Header, lines[0]);
        Assert.Contains(lines, l => l.StartsWith("3\tstage\trejected\tstage 'IIIZ'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2\ticd10\twarning\t", StringComparison.Ordinal));
        Assert.Equal(1, again);
        Assert.Contains("0 nodes and 0 relationships changed", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAlgorithms_ValidJson_Exits0()
    {
        var file = _scenario.File("algorithms.json", """
            [{ "slug": "cli-net-1.0", "name": "CLI net", "trainedOn": ["glioma-leuven"], "targets": ["glioma"] }]
            """);

        var (exit, output, error) = await GraphCommand.RunInAsync(null, null, "import", "algorithms", file, "--data", _scenario.DataDirectory);

        Assert.True(exit == 0, error + output);
        Assert.Contains("1 algorithms registered, 0 rejected", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_Exits2NamingIt()
    {
        var (exit, _, error) = await GraphCommand.RunInAsync(null, null, "import", "clinical", _scenario.File("present.csv", "") + ".missing", "--data", _scenario.DataDirectory);

        Assert.Equal(2, exit);
        Assert.StartsWith("graph import clinical: the file ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownFormat_Exits2()
    {
        var (exit, _, error) = await GraphCommand.RunInAsync(null, null, "import", "algorithms", _scenario.File("a.csv", "slug\n"), "--format", "xml", "--data", _scenario.DataDirectory);

        Assert.Equal(2, exit);
        Assert.Contains("--format must be csv or json", error, StringComparison.Ordinal);
    }
}
