using System.Diagnostics;
using Graph.Ingest.Tests.Dicom.Support;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;

namespace Graph.Ingest.Tests.Dicom;

/// <summary>An ingest killed (SIGKILL) half-way leaves whole studies only, and run again ends as an uninterrupted run.</summary>
public sealed class IngestKillTests : IDisposable
{
    private const int Studies = 1000;
    private static readonly Dictionary<string, string> WithSecret = new() { ["GRAPH_DEID_SECRET"] = "a deployment secret for the kill test, long enough" };
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Folder => Path.Combine(_temp.Path, "in");

    private string[] Arguments(string data) =>
        ["ingest", "dicom", Folder, "--repository", "kill-repo", "--dataset", "kill-dataset", "--data", data, "--batch", "1"];

    [Fact]
    public async Task Ingest_KilledMidway_StoreHoldsWholeStudiesOnly_AndRerunEndsAsAnUninterruptedRun()
    {
        // 1000 studies of 2 series of 2 instances, each series' files in two folders, two studies per patient.
        for (var study = 1; study <= Studies; study++)
        {
            for (var series = 1; series <= 2; series++)
            {
                for (var instance = 1; instance <= 2; instance++)
                {
                    var file = SomeDicom.Instance($"KILL{study / 2:D4}", study, series, instance, series == 1 ? "MR" : "CT").Binary(Graph.Dicom.DicomTag.PixelData, "OW", new byte[64 * instance]);
                    file.WriteTo(Path.Combine(Folder, $"part{instance}", $"{study:D4}-{series}.dcm"));
                }
            }
        }

        var whole = Path.Combine(_temp.Path, "whole");
        var (exit, _, error) = await GraphCommand.RunInAsync(null, WithSecret, Arguments(whole));
        Assert.True(exit == 0, error);
        var expected = await ReadAsync(whole);

        var killed = Path.Combine(_temp.Path, "killed");
        var database = Path.Combine(killed, "graph.db");
        using (var process = Process.Start(GraphCommand.StartInfo(WithSecret, Arguments(killed)))!)
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            long sequence = 0;
            while (sequence < 20 && !process.HasExited)
            {
                Assert.True(DateTime.UtcNow < deadline, "The ingest did not commit 20 ChangeSets within 2 minutes.");
                await Task.Delay(20);
                sequence = await SequenceAsync(database);
            }

            Assert.False(process.HasExited, "The ingest finished before it could be killed; the test needs a bigger folder.");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var partial = await ReadAsync(killed);
        var studies = partial.Nodes.Where(n => n.Node.Label == "Study").Select(n => n.Node.Key).ToArray();
        Assert.NotEmpty(studies);
        Assert.True(studies.Length < Studies, "The ingest was not interrupted.");
        var expectedNodes = Snapshot(expected).ToHashSet();
        Assert.All(Snapshot(partial), line => Assert.Contains(line, expectedNodes));
        var seriesOf = expected.Edges.Where(e => e.Edge.Type == "HAS_SERIES").ToLookup(e => e.Edge.From.Key, e => e.Edge.To.Key);
        var storedSeries = partial.Nodes.Where(n => n.Node.Label == "Series").Select(n => n.Node.Key).ToHashSet();
        Assert.All(studies, study => Assert.Subset(storedSeries, seriesOf[study].ToHashSet()));
        Assert.Equal(studies.Length * 2, storedSeries.Count);

        var (again, _, againError) = await GraphCommand.RunInAsync(null, WithSecret, Arguments(killed));
        Assert.True(again == 0, againError);
        Assert.Equal(Snapshot(expected), Snapshot(await ReadAsync(killed)));
    }

    private static async Task<long> SequenceAsync(string database)
    {
        if (!File.Exists(database))
            return 0;
        await using var probe = new SqliteGraphStore(database);
        try
        {
            return await probe.GetSequenceAsync(CancellationToken.None);
        }
        catch (GraphStoreException)
        {
            return 0;
        }
    }

    private static async Task<CollectingSink> ReadAsync(string data)
    {
        await using var store = new SqliteGraphStore(Path.Combine(data, "graph.db"));
        var sink = new CollectingSink();
        await store.ReadAllAsync(sink, CancellationToken.None);
        return sink;
    }

    private static string[] Snapshot(CollectingSink sink) =>
        sink.Nodes.Select(n => $"{n.Node.Label} {n.Node.Key} {PropertyJson.Write(n.Node.Properties)}")
            .Concat(sink.Edges.Select(e => e.Edge.ToString()))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
