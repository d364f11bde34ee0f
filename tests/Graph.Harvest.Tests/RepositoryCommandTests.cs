using Graph.Domain;
using Graph.Harvest.Tests.Support;
using Graph.Store;

namespace Graph.Harvest.Tests;

/// <summary><c>graph repository add | list | remove</c>.</summary>
public sealed class RepositoryCommandTests
{
    [Fact]
    public async Task RepositoryAdd_ThenList_ShowsTheRepository()
    {
        await using var scenario = await HarvestScenarioWithoutSource.CreateAsync();
        var data = scenario.Folder.Path;
        await scenario.Store.DisposeAsync();

        var added = await GraphCli.RunAsync(
            "repository", "add", "hospital-a", "--name", "Synthetic Hospital A", "--base-url", "https://pacs.example.org/dicom-web", "--country", "es",
            "--institution", "Synthetic Institute", "--contact", "imaging@example.org", "--data", data);
        var again = await GraphCli.RunAsync("repository", "add", "hospital-a", "--name", "Synthetic Hospital A", "--base-url", "https://pacs.example.org/dicom-web", "--data", data);
        var listed = await GraphCli.RunAsync("repository", "list", "--data", data);

        Assert.Equal((0, ""), (added.ExitCode, added.Error));
        Assert.Contains("Registered repository 'hospital-a'", added.Output, StringComparison.Ordinal);
        Assert.Contains("nothing changed", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, listed.ExitCode);
        Assert.Matches(@"hospital-a\s+Synthetic Hospital A\s+ES\s+DICOMweb\s+https://pacs.example.org/dicom-web\s+-\s+never", listed.Output);
    }

    [Theory]
    [InlineData("--base-url", "https://user:secret@pacs.example.org/dicom-web", "holds credentials")]
    [InlineData("--base-url", "ftp://pacs.example.org/", "not an absolute http or https URL")]
    [InlineData("--base-url", "https://neuro-leuven.example/x nat", "base URL 'https://neuro-leuven.example/x nat' holds a space; it must be an absolute http or https URL")]
    [InlineData("--base-url", "https://pacs.example.org/a\"b", "base URL 'https://pacs.example.org/a\"b' holds the character '\"'")]
    [InlineData("--base-url", "https://pacs.example.org/a`b", "base URL 'https://pacs.example.org/a`b' holds the character '`'")]
    [InlineData("--contact", "Leuven imaging office", "contact: 'Leuven imaging office' is neither an e-mail address (imaging@hospital.example) nor an absolute http or https URL")]
    [InlineData("--contact", "javascript:alert(document.domain)", "contact: 'javascript:alert(document.domain)' is neither an e-mail address")]
    [InlineData("--contact", "_:b0", "contact: '_:b0' is neither an e-mail address")]
    [InlineData("--country", "Spain", "not an ISO 3166-1 alpha-2 code")]
    [InlineData("--viewer-url-template", "javascript:alert(1)//{studyInstanceUid}", "viewerUrlTemplate: 'javascript:alert(1)//{studyInstanceUid}' does not give an absolute http or https URL")]
    [InlineData("--viewer-url-template", "https://viewer.example.org/?s={studyInstanceUid}&p={patientId}", "placeholder other than {baseUrl}, {studyInstanceUid}, {seriesInstanceUid}")]
    [InlineData("--viewer-url-template", "https://viewer.example.org/viewer", "no {studyInstanceUid} placeholder")]
    public async Task RepositoryAdd_BadValue_ExitsTwoSayingWhy(string option, string value, string reason)
    {
        await using var scenario = await HarvestScenarioWithoutSource.CreateAsync();
        string[] args = ["repository", "add", "hospital-b", "--name", "B", "--base-url", "https://pacs.example.org/", "--data", scenario.Folder.Path];
        var index = Array.IndexOf(args, option);
        args = index >= 0 ? [.. args[..(index + 1)], value, .. args[(index + 2)..]] : [.. args, option, value];

        var result = await GraphCli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepositoryAdd_ViewerUrlTemplate_StoredAndReplacedOnUpdate()
    {
        await using var scenario = await HarvestScenarioWithoutSource.CreateAsync();
        var data = scenario.Folder.Path;
        await scenario.Store.DisposeAsync();
        string[] add = ["repository", "add", "hospital-v", "--name", "V", "--base-url", "https://pacs.example.org/dicom-web", "--data", data];

        var added = await GraphCli.RunAsync([.. add, "--viewer-url-template", "{baseUrl}/ohif/viewer?StudyInstanceUIDs={studyInstanceUid}"]);
        var same = await GraphCli.RunAsync([.. add, "--viewer-url-template", "{baseUrl}/ohif/viewer?StudyInstanceUIDs={studyInstanceUid}"]);
        var changed = await GraphCli.RunAsync([.. add, "--viewer-url-template", "https://slim.example.org/studies/{studyInstanceUid}/series/{seriesInstanceUid}"]);

        Assert.Equal((0, ""), (added.ExitCode, added.Error));
        Assert.Contains("Registered repository 'hospital-v'", added.Output, StringComparison.Ordinal);
        Assert.Contains("nothing changed", same.Output, StringComparison.Ordinal);
        Assert.Equal((0, ""), (changed.ExitCode, changed.Error));
        Assert.Contains("Updated repository 'hospital-v'", changed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepositoryRemove_HostingDatasets_RefusesUnlessForced()
    {
        await using var scenario = await HarvestScenarioWithoutSource.CreateAsync();
        await scenario.RegisterAsync("hospital-c", "https://pacs.example.org/dicom-web");
        await scenario.Writer.WriteAsync(
            new ChangeSet()
                .Add(NodeRecord.Of(GraphModel.Dataset, "lung-ct", ("title", "Lung CT")))
                .Add(EdgeRecord.Of("HOSTS", new NodeRef("Repository", "hospital-c"), new NodeRef("Dataset", "lung-ct"))),
            CancellationToken.None);
        var data = scenario.Folder.Path;

        var refused = await GraphCli.RunAsync("repository", "remove", "hospital-c", "--data", data);
        var forced = await GraphCli.RunAsync("repository", "remove", "hospital-c", "--force", "--data", data);
        var missing = await GraphCli.RunAsync("repository", "remove", "hospital-c", "--data", data);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("hosts 1 datasets (lung-ct); nothing was removed. Pass --force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("Its 1 datasets (lung-ct) stay in the catalogue, without a repository.", forced.Output, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no repository 'hospital-c' is registered", missing.Error, StringComparison.Ordinal);
        var content = await GraphContent.ReadAsync(scenario.Store);
        Assert.Empty(content.Nodes("Repository"));
        Assert.Single(content.Nodes("Dataset"));
    }
}
