using Graph.Harvest.Tests.Support;
using Graph.Testing;

namespace Graph.Harvest.Tests;

/// <summary><c>graph harvest REPOSITORY --dataset D</c> against a real Orthanc.</summary>
public sealed class HarvestCommandTests
{
    [Fact]
    public async Task HarvestCommand_TwiceOverOrthanc_WritesThenFindsNothingChanged()
    {
        await using var orthanc = await OrthancServer.StartAsync();
        await TinyCatalogue.Create(patients: 2, studiesPerPatient: 2, seriesPerStudy: 2, instancesPerSeries: 1).UploadAsync(orthanc);
        await using var scenario = await HarvestScenarioWithoutSource.CreateAsync();
        var data = scenario.Folder.Path;
        await File.WriteAllTextAsync(scenario.Folder.File("credentials"), $"{OrthancServer.User}:{OrthancServer.Password}\n");
        await File.WriteAllTextAsync(scenario.Folder.File("secret"), Secrets.Text);
        string[] harvest = ["harvest", "pacs", "--dataset", "tiny", "--data", data, "--credentials-file", scenario.Folder.File("credentials"), "--secret-file", scenario.Folder.File("secret")];

        var added = await GraphCli.RunAsync("repository", "add", "pacs", "--name", "Synthetic PACS", "--base-url", orthanc.DicomWebRoot, "--data", data);
        var first = await GraphCli.RunAsync(harvest);
        var second = await GraphCli.RunAsync(harvest);
        var listed = await GraphCli.RunAsync("repository", "list", "--data", data);

        Assert.Equal(0, added.ExitCode);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("of repository 'pacs' into dataset 'tiny' succeeded", first.Output, StringComparison.Ordinal);
        Assert.Contains("4 studies listed: 0 unchanged, 4 written (8 series), 0 withdrawn, 0 errors", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("4 studies listed: 4 unchanged, 0 written (0 series)", second.Output, StringComparison.Ordinal);
        Assert.Matches(@"pacs\s+Synthetic PACS\s+DICOMweb\s+\S+\s+tiny\s+\S+ succeeded \(0 written", listed.Output);
    }

    [Fact]
    public async Task HarvestCommand_WrongCredentials_ExitsOneNamingTheRepositoryAnd401()
    {
        await using var orthanc = await OrthancServer.StartAsync();
        await using var scenario = await HarvestScenarioWithoutSource.CreateAsync();
        await scenario.RegisterAsync("pacs", orthanc.DicomWebRoot);
        await File.WriteAllTextAsync(scenario.Folder.File("credentials"), $"{OrthancServer.User}:wrong-Pa55word\n");

        var result = await GraphCli.RunAsync(
            "harvest", "pacs", "--dataset", "tiny", "--data", scenario.Folder.Path, "--credentials-file", scenario.Folder.File("credentials"), "--development-secret");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Failed: Repository 'pacs' refused the harvester's credentials (basic authentication): HTTP 401", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-Pa55word", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HarvestCommand_NoSecret_ExitsTwoSayingHowToGiveOne()
    {
        await using var scenario = await HarvestScenarioWithoutSource.CreateAsync();

        var result = await GraphCli.RunAsync("harvest", "pacs", "--dataset", "tiny", "--data", scenario.Folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no de-identification secret", result.Error, StringComparison.Ordinal);
    }
}
