using Graph.Harvest.Tests.Support;
using Graph.Ingest.Harvest;
using Graph.Testing;

namespace Graph.Harvest.Tests;

/// <summary>Second and later runs: only what changed is read and written; studies gone from the source are withdrawn.</summary>
public sealed class IncrementalHarvestTests
{
    [Fact]
    public async Task Harvest_NothingChangedAtSource_ReadsAndWritesNoStudy()
    {
        await using var orthanc = await OrthancServer.StartAsync();
        var catalogue = TinyCatalogue.Create(patients: 4, studiesPerPatient: 1, seriesPerStudy: 2, instancesPerSeries: 1);
        await catalogue.UploadAsync(orthanc);
        await using var scenario = await HarvestScenario.CreateAsync(orthanc);

        var first = await scenario.HarvestAsync();
        var before = await scenario.ReadAsync();
        var second = await scenario.HarvestAsync();
        var after = await scenario.ReadAsync();

        Assert.Equal((HarvestStatus.Succeeded, 4, 4, 8), (first.Status, first.StudiesSeen, first.StudiesWritten, first.SeriesWritten));
        Assert.Equal((HarvestStatus.Succeeded, 4, 4, 0), (second.Status, second.StudiesSeen, second.StudiesUnchanged, second.StudiesWritten));
        // Only the run's own record changed: its HarvestRun node, written at the start and at the end, and its relationship.
        Assert.Equal((2, 1), (second.NodesChanged, second.EdgesChanged));
        foreach (var label in new[] { "Patient", "Study", "Series" })
            Assert.Equal(before.Nodes(label), after.Nodes(label), NodeComparer.Instance);
        Assert.Equal(2, after.Nodes("HarvestRun").Count);
        Assert.All(after.Nodes("HarvestRun"), run => Assert.Equal("succeeded", run["status"]));
    }

    [Fact]
    public async Task Harvest_StudyDeletedAtSource_MarksItWithdrawnAndKeepsIt()
    {
        await using var orthanc = await OrthancServer.StartAsync();
        var catalogue = TinyCatalogue.Create(patients: 3, studiesPerPatient: 1, seriesPerStudy: 1, instancesPerSeries: 1);
        await catalogue.UploadAsync(orthanc);
        await using var scenario = await HarvestScenario.CreateAsync(orthanc);
        await scenario.HarvestAsync();

        await orthanc.DeleteStudyAsync(catalogue.Studies[1]);
        var summary = await scenario.HarvestAsync();
        var again = await scenario.HarvestAsync();

        Assert.Equal((HarvestStatus.Succeeded, 2, 1, 0), (summary.Status, summary.StudiesSeen, summary.StudiesWithdrawn, summary.StudiesWritten));
        Assert.Equal(0, again.StudiesWithdrawn);
        var content = await scenario.ReadAsync();
        Assert.Equal(3, content.Nodes("Study").Count);
        Assert.Equal("withdrawn", content.Node("Study", catalogue.Studies[1])["status"]);
        Assert.Equal("active", content.Node("Study", catalogue.Studies[0])["status"]);
        Assert.NotNull(content.Node("Study", catalogue.Studies[1])["year"]);
        Assert.Equal(3, content.Nodes("Series").Count);
    }

    [Fact]
    public async Task Harvest_InstanceAddedToSeries_RewritesOnlyThatStudyWithTheNewImageCount()
    {
        await using var orthanc = await OrthancServer.StartAsync();
        var catalogue = TinyCatalogue.Create(patients: 3, studiesPerPatient: 1, seriesPerStudy: 2, instancesPerSeries: 1);
        await catalogue.UploadAsync(orthanc);
        await using var scenario = await HarvestScenario.CreateAsync(orthanc);
        await scenario.HarvestAsync();

        var first = catalogue.Instances[0];
        await orthanc.UploadAsync(TinyDicom.Instance(first with { SopInstanceUid = TinyDicom.NewUid(), InstanceNumber = 2 }));
        var summary = await scenario.HarvestAsync();

        Assert.Equal((HarvestStatus.Succeeded, 2, 1), (summary.Status, summary.StudiesUnchanged, summary.StudiesWritten));
        var content = await scenario.ReadAsync();
        Assert.Equal(2L, content.Node("Series", first.SeriesInstanceUid)["imageCount"]);
        Assert.Equal(1L, content.Node("Series", catalogue.Instances[1].SeriesInstanceUid)["imageCount"]);
    }

    [Fact]
    public async Task Harvest_FullRun_ReadsEveryStudyAndChangesNothing()
    {
        await using var orthanc = await OrthancServer.StartAsync();
        await TinyCatalogue.Create(patients: 2, studiesPerPatient: 2, seriesPerStudy: 1, instancesPerSeries: 2).UploadAsync(orthanc);
        await using var scenario = await HarvestScenario.CreateAsync(orthanc);
        await scenario.HarvestAsync();

        var full = await scenario.HarvestAsync(scenario.Options(full: true));

        Assert.Equal((4, 0, 4), (full.StudiesSeen, full.StudiesUnchanged, full.StudiesWritten));
        Assert.Equal((2, 1), (full.NodesChanged, full.EdgesChanged));
        Assert.All((await scenario.ReadAsync()).Nodes("Series"), s => Assert.Equal(2L, s["imageCount"]));
    }
}
