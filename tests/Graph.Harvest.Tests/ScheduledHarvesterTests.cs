using Graph.Harvest.Tests.Support;
using Graph.Ingest.Harvest;
using Graph.Testing;

namespace Graph.Harvest.Tests;

/// <summary>The service's scheduled harvester.</summary>
public sealed class ScheduledHarvesterTests
{
    [Fact]
    public async Task ScheduledHarvester_OneRepositoryUnreachable_HarvestsTheOthers()
    {
        await using var orthanc = await OrthancServer.StartAsync();
        await TinyCatalogue.Create(patients: 2, studiesPerPatient: 1, seriesPerStudy: 2, instancesPerSeries: 1).UploadAsync(orthanc);
        await using var scenario = await HarvestScenarioWithoutSource.CreateAsync();
        await scenario.RegisterAsync("a-unreachable", "http://127.0.0.1:9/dicom-web/");
        await scenario.RegisterAsync("b-orthanc", orthanc.DicomWebRoot);
        await scenario.RegisterAsync("c-disabled", orthanc.DicomWebRoot);
        await scenario.Store.DisposeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Graph:Deidentification:Secret"] = Secrets.Text,
            ["Graph:Harvest:CheckSeconds"] = "0.2",
            ["Graph:Harvest:MaxAttempts"] = "1",
            ["Graph:Harvest:CircuitFailures"] = "1",
            ["Graph:Harvest:Repositories:a-unreachable:Enabled"] = "true",
            ["Graph:Harvest:Repositories:a-unreachable:Dataset"] = "lost",
            ["Graph:Harvest:Repositories:a-unreachable:IntervalMinutes"] = "0",
            ["Graph:Harvest:Repositories:b-orthanc:Enabled"] = "true",
            ["Graph:Harvest:Repositories:b-orthanc:Dataset"] = "tiny",
            ["Graph:Harvest:Repositories:b-orthanc:Username"] = OrthancServer.User,
            ["Graph:Harvest:Repositories:b-orthanc:Password"] = OrthancServer.Password,
            ["Graph:Harvest:Repositories:c-disabled:Dataset"] = "other",
        };
        await using var service = HarvestService.Create(scenario.Folder.Path, settings);
        await service.StartAsync();

        for (var i = 0; i < 300 && service.Harvester().StateOf("b-orthanc")?.LastRun is null; i++)
            await Task.Delay(100);
        var unreachable = service.Harvester().StateOf("a-unreachable")!;
        var harvested = service.Harvester().StateOf("b-orthanc")!;
        var data = await service.PostAsync("""
            { repositoryByKey(key: "b-orthanc") { datasets { nodes { slug series { totalCount } } } harvestRuns { nodes { status studiesWritten } } } }
            """);

        Assert.Equal(HarvestStatus.Failed, unreachable.LastRun!.Status);
        Assert.False(unreachable.Circuit.AllowsRequest);
        Assert.Equal((HarvestStatus.Succeeded, 2), (harvested.LastRun!.Status, harvested.LastRun.StudiesWritten));
        Assert.Null(service.Harvester().StateOf("c-disabled"));
        Assert.Equal(
            """{"data":{"repositoryByKey":{"datasets":{"nodes":[{"slug":"tiny","series":{"totalCount":4}}]},"harvestRuns":{"nodes":[{"status":"succeeded","studiesWritten":2}]}}}}""",
            data.ToJsonString());
    }
}
