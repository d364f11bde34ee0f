using System.Diagnostics;
using Graph.Ingest.Demo;
using Graph.Store.Sqlite;
using Graph.Testing;

namespace Graph.Cli.Tests;

/// <summary>A ChangeSet is all or nothing, also when the writing process is killed (SIGKILL) mid-commit.</summary>
public sealed class KillMidCommitTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Seed_KilledMidway_StoreHoldsWholeChangeSetsOnly_AndRerunCompletes()
    {
        var options = new DemoOptions { Patients = 4000, BatchPatients = 50 };
        var path = _folder.File("graph.db");
        using (var process = Process.Start(GraphCommand.StartInfo("seed", "--patients", "4000", "--batch", "50", "--data", _folder.Path))!)
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            long sequence = 0;
            while (sequence < 8 && !process.HasExited)
            {
                Assert.True(DateTime.UtcNow < deadline, "Seeding did not commit 8 ChangeSets within 2 minutes.");
                await Task.Delay(20);
                if (File.Exists(path))
                {
                    await using var probe = new SqliteGraphStore(path);
                    try
                    {
                        sequence = await probe.GetSequenceAsync(CancellationToken.None);
                    }
                    catch (Graph.Store.GraphStoreException)
                    {
                    }
                }
            }

            Assert.False(process.HasExited, "Seeding finished before it could be killed; the test needs a bigger catalogue.");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await using (var store = new SqliteGraphStore(path))
        {
            var sink = new CollectingSink();
            var committed = await store.ReadAllAsync(sink, CancellationToken.None);
            Assert.True(committed >= 8);
            Assert.True(committed < DemoCatalogue.BatchCount(options), "Seeding was not interrupted.");

            var expected = Enumerable.Range(0, (int)committed)
                .SelectMany(i => DemoCatalogue.GenerateBatch(options, i).Nodes)
                .Select(n => (n.Label, n.Key))
                .ToHashSet();
            var stored = sink.Nodes.Select(n => (n.Node.Label, n.Node.Key)).ToHashSet();
            Assert.Equal(expected.Count, stored.Count);
            Assert.True(expected.SetEquals(stored), "The store holds nodes of a ChangeSet that did not commit, or lacks some of one that did.");
        }

        var (exit, _, error) = await GraphCommand.RunAsync("seed", "--patients", "4000", "--batch", "50", "--data", _folder.Path);
        Assert.True(exit == 0, error);
        await using var finished = new SqliteGraphStore(path);
        var stats = await finished.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(4000, stats.Nodes["Patient"]);
        var all = new CollectingSink();
        await finished.ReadAllAsync(all, CancellationToken.None);
        var generated = DemoCatalogue.Generate(options).SelectMany(s => s.Nodes).Select(n => (n.Label, n.Key)).ToHashSet();
        Assert.True(generated.SetEquals(all.Nodes.Select(n => (n.Node.Label, n.Node.Key))), "The re-run did not end in the same state as an uninterrupted run.");
    }
}
