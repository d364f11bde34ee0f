using System.Text.Json.Nodes;
using Graph.Dicom;
using Graph.Domain;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Tests.Dicom.Support;
using Graph.Testing;

namespace Graph.Ingest.Tests.Dicom;

/// <summary>graph ingest dicom as an operator runs it: a process, output redirected, secret from the environment or a file.</summary>
public sealed class IngestDicomCommandTests : IAsyncLifetime
{
    private const string Secret = "a deployment secret for the CLI tests, long enough";
    private static readonly Dictionary<string, string> WithSecret = new() { ["GRAPH_DEID_SECRET"] = Secret };
    private readonly IngestScenario _scenario = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private string[] Arguments(params string[] more) =>
        ["ingest", "dicom", _scenario.Input, "--repository", "cli-repo", "--dataset", "cli-dataset", "--data", _scenario.DataDirectory, .. more];

    /// <summary>The arguments with one option's value replaced (or added).</summary>
    private string[] ArgumentsWith(string option, string value)
    {
        var arguments = Arguments().ToList();
        var index = arguments.IndexOf(option);
        if (index < 0)
            arguments.AddRange([option, value]);
        else
            arguments[index + 1] = value;
        return [.. arguments];
    }

    private void WriteStudy()
    {
        _scenario.Write("Doe_Janeth/1.dcm", SomeDicom.Instance(instance: 1));
        _scenario.Write("Doe_Janeth/2.dcm", SomeDicom.Instance(instance: 2));
        _scenario.Write("Doe_Janeth/ct.dcm", SomeDicom.Instance(series: 2, modality: "CT"));
    }

    [Fact]
    public async Task Help_DescribesEveryOption()
    {
        var (exit, output, _) = await GraphCommand.RunInAsync(null, null, "ingest", "dicom", "--help");

        Assert.Equal(0, exit);
        foreach (var option in new[] { "FOLDER", "--repository", "--dataset", "--data", "--secret-file", "GRAPH_DEID_SECRET", "--pass-through-ids", "--remap-uids", "--rejects", "--batch", "--parallelism" })
            Assert.Contains(option, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_Folder_WritesTheStudy_PrintsCountsOnly_AndAgainChangesNothing()
    {
        WriteStudy();

        var (exit, output, error) = await GraphCommand.RunInAsync(null, WithSecret, Arguments());
        var (againExit, again, _) = await GraphCommand.RunInAsync(null, WithSecret, Arguments("--batch", "1", "--parallelism", "1"));

        Assert.True(exit == 0, error);
        Assert.Contains("reading: 3 of 3 files", output, StringComparison.Ordinal);
        Assert.Contains("Read 3 files", output, StringComparison.Ordinal);
        Assert.Contains("Wrote 1 patients, 1 studies, 2 series (3 instances)", output, StringComparison.Ordinal);
        Assert.Equal(0, againExit);
        Assert.Contains("0 nodes and 0 relationships changed", again, StringComparison.Ordinal);
        foreach (var identifying in new[] { "Doe", "Janeth", "PAT001", "Zebedee", "Quimby" })
            Assert.DoesNotContain(identifying, output + error + again, StringComparison.OrdinalIgnoreCase);
        var patient = Assert.Single((await _scenario.ReadAllAsync()).Nodes, n => n.Node.Label == "Patient").Node;
        Assert.Equal(new PatientPseudonyms(DeidentificationKey.FromSecret(Secret)).Create(null, "PAT001"), patient.Key);
    }

    [Fact]
    public async Task Ingest_EverythingPlaceableWritten_WithWarnings_ExitsZero_RefusedFile_ExitsOne()
    {
        _scenario.Write("Doe_Janeth/1.dcm", SomeDicom.Instance(patientId: ""));
        _scenario.Write("Doe_Janeth/2.dcm", SomeDicom.Instance(study: 2, instance: 2).Remove(DicomTag.Modality));

        var (exit, output, error) = await GraphCommand.RunInAsync(null, WithSecret, Arguments());
        _scenario.Write("Doe_Janeth/3.dcm", SomeDicom.Instance(study: 3, instance: 3).Remove(DicomTag.StudyInstanceUID));
        var (refusedExit, refusedOutput, _) = await GraphCommand.RunInAsync(null, WithSecret, Arguments());

        Assert.True(exit == 0, error);
        Assert.Contains("2 accepted, 0 rejected", output, StringComparison.Ordinal);
        Assert.Contains("2 studies written with warnings (1 patients of unknown identity):", output, StringComparison.Ordinal);
        Assert.Contains("1 files: PatientID empty or absent", output, StringComparison.Ordinal);
        Assert.Contains("1 files: Modality empty, absent or not a defined term (recorded as OT)", output, StringComparison.Ordinal);
        Assert.Equal(1, refusedExit);
        Assert.Contains("2 accepted, 1 rejected", refusedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SecretFile_SamePseudonymsAsTheVariable()
    {
        WriteStudy();
        var file = Path.Combine(_scenario.Root, "secret");
        await File.WriteAllTextAsync(file, Secret + "\n");

        var (exit, _, error) = await GraphCommand.RunInAsync(null, null, Arguments("--secret-file", file));

        Assert.True(exit == 0, error);
        var patient = Assert.Single((await _scenario.ReadAllAsync()).Nodes, n => n.Node.Label == "Patient").Node;
        Assert.Equal(new PatientPseudonyms(DeidentificationKey.FromSecret(Secret)).Create(null, "PAT001"), patient.Key);
    }

    [Fact]
    public async Task Ingest_NoSecret_UsageErrorBeforeTouchingTheStore()
    {
        WriteStudy();

        var (exit, _, error) = await GraphCommand.RunInAsync(null, null, Arguments());

        Assert.Equal(2, exit);
        Assert.Contains("--secret-file", error, StringComparison.Ordinal);
        Assert.Contains("GRAPH_DEID_SECRET", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_scenario.DatabasePath));
    }

    [Fact]
    public async Task Ingest_PassThroughIds_NeedsNoSecret()
    {
        _scenario.Write("1.dcm", SomeDicom.Instance("TCGA-02-0001"));

        var (exit, _, error) = await GraphCommand.RunInAsync(null, null, Arguments("--pass-through-ids"));

        Assert.True(exit == 0, error);
        Assert.Equal("TCGA-02-0001", Assert.Single((await _scenario.ReadAllAsync()).Nodes, n => n.Node.Label == "Patient").Node.Key);
    }

    [Theory]
    [InlineData("--batch", "many")]
    [InlineData("--batch", "0")]
    [InlineData("--parallelism", "-1")]
    [InlineData("--repository", "Not A Slug")]
    [InlineData("--frobnicate", "x")]
    public async Task Ingest_BadArgument_UsageError(string option, string value)
    {
        WriteStudy();

        var (exit, output, error) = await GraphCommand.RunInAsync(null, WithSecret, ArgumentsWith(option, value));

        Assert.Equal(2, exit);
        Assert.Contains(option == "--frobnicate" ? option : option.TrimStart('-'), output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(_scenario.DatabasePath));
    }

    [Fact]
    public async Task Ingest_MissingFolder_UsageError()
    {
        var (exit, _, error) = await GraphCommand.RunInAsync(null, WithSecret, "ingest", "dicom", Path.Combine(_scenario.Root, "absent"), "--repository", "r", "--dataset", "d");

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_BadFile_ExitsOne_AndListsItInTheRejectsReportOnly()
    {
        WriteStudy();
        _scenario.Write("Doe_Janeth/no-study.dcm", SomeDicom.Instance(instance: 9).Remove(DicomTag.StudyInstanceUID));
        var rejects = Path.Combine(_scenario.Root, "rejects.tsv");

        var (exit, output, error) = await GraphCommand.RunInAsync(null, WithSecret, Arguments("--rejects", rejects));

        Assert.Equal(1, exit);
        Assert.Contains("1 rejected", output, StringComparison.Ordinal);
        Assert.Contains("rejects.tsv", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Doe_Janeth", output + error, StringComparison.Ordinal);
        Assert.Equal(
            ["path\tkind\treason", "Doe_Janeth/no-study.dcm\tmissing-attribute\tStudyInstanceUID (0020,000D) is missing or empty."],
            await File.ReadAllLinesAsync(rejects));
        Assert.Equal(2, (await _scenario.Store.GetStatisticsAsync(CancellationToken.None)).Nodes["Series"]);
    }

    [Fact]
    public async Task Ingest_BadFileWithoutRejectsOption_ReportGoesToTheDataFolder()
    {
        _scenario.Write("notes.txt", "not DICOM"u8.ToArray());

        var (exit, output, _) = await GraphCommand.RunInAsync(null, WithSecret, Arguments());

        Assert.Equal(1, exit);
        var report = Assert.Single(Directory.GetFiles(Path.Combine(_scenario.DataDirectory, "rejects")));
        Assert.Contains(report, output, StringComparison.Ordinal);
        Assert.Contains("notes.txt\tnot-dicom", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ThenStats_CountsTheNewNodes()
    {
        WriteStudy();
        await GraphCommand.RunInAsync(null, WithSecret, Arguments("--remap-uids"));

        var (exit, json, _) = await GraphCommand.RunInAsync(null, null, "stats", "--data", _scenario.DataDirectory, "--json");

        Assert.Equal(0, exit);
        var stats = JsonNode.Parse(json)!;
        Assert.Equal(2, (int)stats["nodes"]!["Series"]!);
        Assert.Equal(1, (int)stats["nodes"]!["Repository"]!);
        Assert.DoesNotContain((await _scenario.ReadAllAsync()).Nodes, n => n.Node.Label == GraphModel.Study.Label && !n.Node.Key.StartsWith("2.25.", StringComparison.Ordinal));
    }
}
