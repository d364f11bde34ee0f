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

    [Theory]
    [InlineData("clinical", "latin1.csv", "the file is not UTF-8 text")]
    [InlineData("clinical", "empty.csv", "the file is empty")]
    [InlineData("clinical", "empty.json", "the file is not valid JSON")]
    [InlineData("clinical", "bad-header.csv", "line 1: the header row cannot be read: text follows the closing quote")]
    [InlineData("algorithms", "latin1.csv", "the file is not UTF-8 text")]
    public async Task Import_FileRefusedAsAWhole_Exits2NamingTheReasonAndAppliesNothing(string kind, string name, string reason)
    {
        // Regression: "Read 0 records: 0 applied, 0 rejected" and exit 0 when the whole file was refused; a bad header row
        // made the first record the header and that record was never reported.
        var path = _scenario.File(name, name switch
        {
            "bad-header.csv" => "pseudonym,\"diag\"nosis,stage\nSYN-CLI-000001,5,IIA\nSYN-CLI-000002,5,IIA\n",
            _ => "",
        });
        if (name == "latin1.csv")
            await File.WriteAllBytesAsync(path, System.Text.Encoding.Latin1.GetBytes("pseudonym,diagnosis,stage,note\nSYN-CLI-000001,5,IIA,étendu\n"));

        var (exit, output, error) = await GraphCommand.RunInAsync(null, null, "import", kind, path, "--data", _scenario.DataDirectory);

        Assert.True(exit == 2, output + error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains("Nothing was applied", error, StringComparison.Ordinal);
        Assert.Null(await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000001/5"));
        Assert.Null(await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000002/5"));
    }

    [Theory]
    [InlineData("clinical", "pseudonymx,foo\n", "line 1: the header row has no 'pseudonym' column; it names pseudonymx, foo")]
    [InlineData("clinical", "pseudonymx,foo\nSYN-CLI-000001,5\n", "line 1: the header row has no 'pseudonym' column; it names pseudonymx, foo")]
    [InlineData("algorithms", "nope,name\n", "line 1: the header row has no 'slug' column; it names nope, name")]
    [InlineData("clinical", "pseudonym;diagnosis;stage\nSYN-CLI-000001;5;IIA\nSYN-CLI-000002;5;IIA\n",
        "line 1: the header row 'pseudonym;diagnosis;stage' looks semicolon-separated, as Excel saves CSV in many European locales; a CSV file's columns must be separated by commas")]
    [InlineData("clinical", "sep=;\npseudonym;diagnosis;stage\nSYN-CLI-000001;5;IIA\n",
        "line 1: the first line 'sep=;' is Excel's hint that the file is semicolon-separated, as Excel saves CSV in many European locales; a CSV file's columns must be separated by commas")]
    [InlineData("algorithms", "slug;name\ncli-net-2.0;CLI net\n",
        "line 1: the header row 'slug;name' looks semicolon-separated, as Excel saves CSV in many European locales; a CSV file's columns must be separated by commas")]
    public async Task Import_HeaderWithoutTheRequiredColumnOrSemicolonSeparated_Exits2WithOneReasonAndAppliesNothing(string kind, string content, string reason)
    {
        // Regression: a header-only file of other columns exited 0 ("Read 0 records"), and a semicolon-separated one gave
        // "unknown column `pseudonym;diagnosis;stage`" and then an error on every line.
        var path = _scenario.File("other-tool.csv", content);
        var rejects = _scenario.File("rejects.tsv", "");

        var (exit, output, error) = await GraphCommand.RunInAsync(null, null, "import", kind, path, "--data", _scenario.DataDirectory, "--rejects", rejects);

        Assert.True(exit == 2, output + error);
        Assert.Equal($"graph import {kind}: {path}: {reason}", error.Split(". Nothing was applied.")[0]);
        Assert.DoesNotContain("unknown column", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Null(await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000001/5"));
        Assert.Null(await _scenario.NodeAsync("Algorithm", "cli-net-2.0"));
    }

    [Fact]
    public async Task ImportClinical_UnknownColumn_WarnedOnTheHeaderLine()
    {
        // Regression: the warning about the header row was reported on line 2, the first record's.
        var file = _scenario.File("clinical.csv", "pseudonym,diagnosis,note\nSYN-CLI-000001,6,seen twice\n");
        var rejects = _scenario.File("rejects.tsv", "");

        var (exit, output, error) = await GraphCommand.RunInAsync(null, null, "import", "clinical", file, "--data", _scenario.DataDirectory, "--rejects", rejects);

        Assert.True(exit == 0, output + error);
        Assert.Contains(await File.ReadAllLinesAsync(rejects), l => l.StartsWith("1\tnote\twarning\tunknown column, ignored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportClinical_JsonWithNaN_Exits2NamingLineAndColumn_AndAppliesNothing()
    {
        // Regression: Python's json.dump writes NaN; the record was rejected, the nine after it silently dropped ("Read 1 records"),
        // the first applied and the message said "LineNumber: 1" (zero-based) for line 2.
        var records = Enumerable.Range(1, 10).Select(i => i == 2
            ? """  {"pseudonym": "SYN-CLI-000002", "diagnosis": 5, "psa": NaN}"""
            : $$"""  {"pseudonym": "SYN-CLI-00000{{1 + (i % 3)}}", "diagnosis": {{i + 10}}, "stage": "IIA"}""");
        var file = _scenario.File("clinical.json", "[\n" + string.Join(",\n", records) + "\n]\n");

        var (exit, output, error) = await GraphCommand.RunInAsync(null, null, "import", "clinical", file, "--data", _scenario.DataDirectory);

        Assert.True(exit == 2, output + error);
        Assert.Equal($"graph import clinical: {file}: line 3: the file is not valid JSON at column 58: 'N' is an invalid start of a value. Nothing was applied.",
            error.Trim());
        Assert.Null(await _scenario.NodeAsync("Diagnosis", "SYN-CLI-000002/11"));
    }

    [Fact]
    public async Task ImportClinical_WrongIdentifierInPseudonymColumn_TheReportDoesNotRepeatIt()
    {
        // Regression: "no patient 'Smith^John 19580723' in the catalogue" was written to the rejects report in the data folder.
        var file = _scenario.File("clinical.csv", "pseudonym,diagnosis,stage\nSmith^John 19580723,1,IIA\nMRN0048213,1,IIB\n");

        var (exit, output, error) = await GraphCommand.RunInAsync(null, null, "import", "clinical", file, "--data", _scenario.DataDirectory);

        Assert.True(exit == 1, output + error);
        var report = Assert.Single(Directory.GetFiles(Path.Combine(_scenario.DataDirectory, "rejects")));
        var lines = await File.ReadAllLinesAsync(report);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2\tpseudonym\trejected\tthe value is not a pseudonym of the catalogue", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("3\tpseudonym\trejected\tthe value is not a pseudonym of the catalogue", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Smith", output + error + string.Join('\n', lines), StringComparison.Ordinal);
        Assert.DoesNotContain("0048213", output + error + string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportClinical_RowsOfOnlySeparators_AreSkipped_AndExit0()
    {
        // Regression: Excel's formatted empty rows (",,,") were "pseudonym is missing" and made the exit code 1.
        var file = _scenario.File("clinical.csv", "pseudonym,diagnosis,cancerType,stage\r\nSYN-CLI-000001,12,breast,IIA\r\n,,,\r\n,,,\r\n");

        var (exit, output, error) = await GraphCommand.RunInAsync(null, null, "import", "clinical", file, "--data", _scenario.DataDirectory);

        Assert.True(exit == 0, output + error);
        Assert.Contains("Read 1 records", output, StringComparison.Ordinal);
        Assert.Contains("1 applied, 0 rejected, 0 warnings; 2 empty rows skipped.", output, StringComparison.Ordinal);
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
