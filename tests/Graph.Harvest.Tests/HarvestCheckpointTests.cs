using Graph.Ingest.Harvest;
using Graph.Testing;

namespace Graph.Harvest.Tests;

public sealed class HarvestCheckpointTests
{
    [Fact]
    public void Save_ThenLoad_GivesTheSameStudiesAndLeavesNoTemporaryFile()
    {
        using var folder = new TempDirectory();
        var path = HarvestCheckpoint.PathFor(folder.Path, "hospital-a");
        var checkpoint = new HarvestCheckpoint { Repository = "hospital-a", Dataset = "lung", StoreSequence = 42, RunningRunId = "hospital-a-1" };
        checkpoint.Studies["1.2.3"] = new CheckpointStudy { Fingerprint = "abc", Withdrawn = true };

        checkpoint.Save(path, DateTimeOffset.UnixEpoch);
        checkpoint.Save(path, DateTimeOffset.UnixEpoch);
        var loaded = HarvestCheckpoint.Load(path, out var problem);

        Assert.Null(problem);
        Assert.Equal(("lung", 42L, "hospital-a-1"), (loaded!.Dataset, loaded.StoreSequence, loaded.RunningRunId));
        Assert.Equal(("abc", true), (loaded.Studies["1.2.3"].Fingerprint, loaded.Studies["1.2.3"].Withdrawn));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Load_TruncatedFile_ReturnsNullWithTheProblem()
    {
        using var folder = new TempDirectory();
        var path = HarvestCheckpoint.PathFor(folder.Path, "hospital-a");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """{ "version": 1, "studies": { "1.2.3": { "finger""");

        var loaded = HarvestCheckpoint.Load(path, out var problem);

        Assert.Null(loaded);
        Assert.Equal("JsonException", problem);
    }

    [Fact]
    public void Load_NoFile_ReturnsNullWithoutProblem()
    {
        using var folder = new TempDirectory();

        Assert.Null(HarvestCheckpoint.Load(HarvestCheckpoint.PathFor(folder.Path, "none"), out var problem));
        Assert.Null(problem);
    }
}
