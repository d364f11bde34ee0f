using Graph.Domain;
using Graph.Harvest.Tests.Support;
using Graph.Ingest.Harvest;
using Graph.Store;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Harvest.Tests;

/// <summary>Runs that fail: the repository stops answering half-way, refuses the credentials, or is not registered.</summary>
public sealed class FailureHarvestTests
{
    [Fact]
    public async Task Harvest_OrthancKilledMidway_FailsWithTheReasonThenTheNextRunCompletesWithoutDuplicates()
    {
        await using var orthanc = await OrthancServer.StartAsync();
        var catalogue = TinyCatalogue.Create(patients: 9, studiesPerPatient: 1, seriesPerStudy: 1, instancesPerSeries: 1);
        await catalogue.UploadAsync(orthanc);
        await using var scenario = await HarvestScenario.CreateAsync(orthanc);
        var progress = new SyncProgress<HarvestProgress>(p =>
        {
            if (p.StudiesWritten >= 2 && orthanc.IsRunning)
                orthanc.Kill();
        });

        var failed = await scenario.HarvestAsync(scenario.Options(batchStudies: 1, parallelism: 1), progress);
        var afterFailure = await scenario.ReadAsync();
        await orthanc.RestartAsync();
        var resumed = await scenario.HarvestAsync();

        Assert.Equal(HarvestStatus.Failed, failed.Status);
        Assert.InRange(failed.StudiesWritten, 2, 8);
        Assert.Contains($"Repository '{HarvestScenario.Repository}' could not be reached", failed.Message, StringComparison.Ordinal);
        var failedRun = afterFailure.Node("HarvestRun", failed.RunId);
        Assert.Equal(("failed", failed.Message), (failedRun["status"], failedRun["message"]));
        Assert.Equal(failed.StudiesWritten, afterFailure.Nodes("Study").Count);

        Assert.Equal(HarvestStatus.Succeeded, resumed.Status);
        Assert.Equal((9, failed.StudiesWritten, 9 - failed.StudiesWritten), (resumed.StudiesSeen, resumed.StudiesUnchanged, resumed.StudiesWritten));
        var content = await scenario.ReadAsync();
        Assert.Equal((9, 9, 9), (content.Nodes("Patient").Count, content.Nodes("Study").Count, content.Nodes("Series").Count));
        Assert.Equal((9, 9, 9), (content.EdgesOf("INCLUDES").Count, content.EdgesOf("HAS_STUDY").Count, content.EdgesOf("HAS_SERIES").Count));
        Assert.Equal(catalogue.Series.Order(StringComparer.Ordinal), content.Nodes("Series").Select(s => s.Key));
    }

    [Fact]
    public async Task Harvest_WrongPassword_FailsNamingTheRepositoryAnd401WithoutThePassword()
    {
        const string wrong = "not-the-password-Zq81";
        await using var orthanc = await OrthancServer.StartAsync();
        await TinyCatalogue.Create(patients: 1, studiesPerPatient: 1, seriesPerStudy: 1, instancesPerSeries: 1).UploadAsync(orthanc);
        await using var scenario = await HarvestScenario.CreateAsync(orthanc);
        var logger = new CollectingLogger();
        using var http = new HttpClient();

        var summary = await new DicomWebHarvester(scenario.Store, scenario.Writer, http, logger)
            .RunAsync(scenario.Options(password: wrong), null, null, CancellationToken.None);

        Assert.Equal(HarvestStatus.Failed, summary.Status);
        Assert.Contains($"Repository '{HarvestScenario.Repository}' refused the harvester's credentials", summary.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", summary.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, summary.Message, StringComparison.Ordinal);
        Assert.All(logger.Messages, m => Assert.DoesNotContain(wrong, m, StringComparison.Ordinal));
        Assert.Contains(logger.Messages, m => m.Contains("HTTP 401", StringComparison.Ordinal));
        var content = await scenario.ReadAsync();
        Assert.Equal(summary.Message, content.Node("HarvestRun", summary.RunId)["message"]);
        Assert.Empty(content.Nodes("Study"));
    }

    [Fact]
    public async Task Harvest_AfterAProcessDiedMidRun_MarksThatRunFailedAsInterrupted()
    {
        await using var orthanc = await OrthancServer.StartAsync();
        await using var scenario = await HarvestScenario.CreateAsync(orthanc);
        var first = await scenario.HarvestAsync();
        // What a killed process leaves: its run node still running, its id in the checkpoint.
        await scenario.Writer.WriteAsync(
            new ChangeSet().Add(new NodeRecord("HarvestRun", first.RunId, new Dictionary<string, object?> { ["status"] = "running" })),
            CancellationToken.None);
        var checkpoint = HarvestCheckpoint.Load(scenario.CheckpointPath, out _)!;
        checkpoint.RunningRunId = first.RunId;
        checkpoint.Save(scenario.CheckpointPath, DateTimeOffset.UtcNow);

        var second = await scenario.HarvestAsync();

        var content = await scenario.ReadAsync();
        Assert.Equal(HarvestStatus.Succeeded, second.Status);
        Assert.Equal("failed", content.Node("HarvestRun", first.RunId)["status"]);
        Assert.StartsWith("Interrupted", content.Node("HarvestRun", first.RunId)["message"] as string, StringComparison.Ordinal);
        Assert.Null(HarvestCheckpoint.Load(scenario.CheckpointPath, out _)!.RunningRunId);
    }

    [Fact]
    public async Task Harvest_RepositoryNotRegistered_ThrowsSayingHowToRegisterIt()
    {
        await using var orthancless = await HarvestScenarioWithoutSource.CreateAsync();
        using var http = new HttpClient();
        var harvester = new DicomWebHarvester(orthancless.Store, orthancless.Writer, http, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            harvester.RunAsync(new HarvestOptions { Repository = "nowhere", Dataset = "d", DataDirectory = orthancless.Folder.Path }, null, null, CancellationToken.None));

        Assert.Contains("No repository 'nowhere' is registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Harvest_RepositoryRefusingConnections_FailsAndOpensItsCircuit()
    {
        await using var scenario = await HarvestScenarioWithoutSource.CreateAsync();
        await scenario.RegisterAsync("closed-port", "http://127.0.0.1:9/dicom-web/");
        using var http = new HttpClient();
        var circuit = new RepositoryCircuit(1, TimeSpan.FromMinutes(5));
        var options = new HarvestOptions
        {
            Repository = "closed-port",
            Dataset = "d",
            DataDirectory = scenario.Folder.Path,
            Key = Secrets.Key,
            MaxAttempts = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };

        var summary = await new DicomWebHarvester(scenario.Store, scenario.Writer, http, NullLogger.Instance).RunAsync(options, circuit, null, CancellationToken.None);
        var skipped = await new DicomWebHarvester(scenario.Store, scenario.Writer, http, NullLogger.Instance).RunAsync(options, circuit, null, CancellationToken.None);

        Assert.Equal(HarvestStatus.Failed, summary.Status);
        Assert.Contains("could not be reached at http://127.0.0.1:9/dicom-web/", summary.Message, StringComparison.Ordinal);
        Assert.Contains("after 2 attempts", summary.Message, StringComparison.Ordinal);
        Assert.False(circuit.AllowsRequest);
        Assert.Equal(HarvestStatus.Failed, skipped.Status);
        Assert.Contains("circuit is open", skipped.Message, StringComparison.Ordinal);
    }
}
