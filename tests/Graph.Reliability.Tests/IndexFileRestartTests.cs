using Graph.Domain;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Reliability.Tests;

/// <summary>A restart reads the saved index file and then only the changes committed since; whatever happened to the file or the
/// store meanwhile, the restarted service answers exactly as one that read the whole store.</summary>
public sealed class IndexFileRestartTests : IDisposable
{
    private const int Patients = 300;

    // Counts, facets and a nested page over every kind the changes below touch, as an administrator (every record).
    private const string Probe = """
        {
          patients(first: 3, order: [{ pseudonym: DESC }]) { totalCount facets(fields: ["sex", "ageAtDiagnosis"]) { field values { value count } missing }
            nodes { pseudonym sex studies(first: 5) { totalCount nodes { studyInstanceUid series(first: 5) { nodes { seriesInstanceUid modality } } } } } }
          series(first: 1, where: { modality: { in: ["MR", "CT"] } }) { totalCount facets(fields: ["modality", "bodyPart", "patient.sex", "datasets.slug"]) { field values { value count } } }
          studies(first: 1) { totalCount }
          datasets(first: 50) { nodes { slug patients(first: 1) { totalCount } } }
        }
        """;

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private string IndexFile => Path.Combine(_data.Path, "catalog.index");

    [Fact]
    public async Task Restart_AfterCommitsByAnotherWriter_ReadsTheFileThenTheChanges_AndAnswersLikeAFullLoad()
    {
        string before;
        await using (var service = await ServiceProcess.StartAsync(_data.Path, Patients))
        {
            before = await ProbeAsync(service);
            await service.StopAsync();
            Assert.Contains("Catalogue index saved to", service.FullLog, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(IndexFile), "no index file after a stop");
        await CommitChangesAsync(_data.Path);

        var restarted = await RestartAsync();
        Assert.Contains("Catalogue index read from", restarted.Log, StringComparison.Ordinal);
        Assert.Matches(@"then [1-9]\d* changed nodes and relationships from the store", restarted.Log);
        Assert.NotEqual(before, restarted.Answer);
        Assert.Equal(await FullLoadAnswerAsync(), restarted.Answer);
    }

    [Theory]
    [InlineData("flipped byte")]
    [InlineData("cut short")]
    [InlineData("not an index file")]
    [InlineData("bytes appended")]
    public async Task Restart_WithADamagedFile_SaysSo_ReadsTheWholeStore_AndSavesAGoodFile(string damage)
    {
        await using (var service = await ServiceProcess.StartAsync(_data.Path, Patients))
            await service.StopAsync();
        var bytes = await File.ReadAllBytesAsync(IndexFile);
        await File.WriteAllBytesAsync(IndexFile, damage switch
        {
            "flipped byte" => [.. bytes[..(bytes.Length / 2)], (byte)(bytes[bytes.Length / 2] ^ 0x10), .. bytes[(bytes.Length / 2 + 1)..]],
            "cut short" => bytes[..(bytes.Length * 2 / 3)],
            "not an index file" => "PAR1 a Parquet file, say"u8.ToArray(),
            _ => [.. bytes, 0, 1, 2, 3],
        });
        await CommitChangesAsync(_data.Path);

        var restarted = await RestartAsync();

        Assert.Contains(restarted.Warnings, w => w.Contains("cannot be used", StringComparison.Ordinal) && w.Contains(IndexFile, StringComparison.Ordinal));
        Assert.DoesNotContain("Catalogue index read from", restarted.Log, StringComparison.Ordinal);
        Assert.Equal(await FullLoadAnswerAsync(), restarted.Answer);
        Assert.True(new FileInfo(IndexFile).Length > 1000, "the damaged file was not replaced by a good one");
    }

    [Fact]
    public async Task Restart_OnAnotherStoreWithTheSameSequence_IgnoresTheFile()
    {
        await using (var service = await ServiceProcess.StartAsync(_data.Path, Patients))
            await service.StopAsync();
        var saved = await File.ReadAllBytesAsync(IndexFile);

        // The store is re-created (a restore, a re-seed) and reaches the same sequence with other contents: only its marks differ.
        long sequence;
        await using (var store = new SqliteGraphStore(Path.Combine(_data.Path, "graph.db")))
            sequence = await store.GetSequenceAsync(CancellationToken.None);
        foreach (var file in Directory.GetFiles(_data.Path, "graph.db*"))
            File.Delete(file);
        await using (var store = new SqliteGraphStore(Path.Combine(_data.Path, "graph.db")))
        {
            await store.EnsureSchemaAsync(CancellationToken.None);
            var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
            for (var i = 0; i < sequence; i++)
                await writer.WriteAsync(new ChangeSet { Source = "other" }.Add(Some.Patient($"OTHER-{i:D4}", "M", 40 + (i % 30))), CancellationToken.None);
            Assert.Equal(sequence, await store.GetSequenceAsync(CancellationToken.None));
        }

        await File.WriteAllBytesAsync(IndexFile, saved);
        var restarted = await RestartAsync("--seed-demo", "false");

        // Read from the file, the service would answer with the 300 demo patients the store no longer holds.
        Assert.Equal(await FullLoadAnswerAsync("--seed-demo", "false"), restarted.Answer);
        Assert.Contains("OTHER-", restarted.Answer, StringComparison.Ordinal);
        Assert.Contains("was saved from another history of the store", restarted.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_AfterThePurgeOfDeletionsMadeSinceTheFile_ReadsTheWholeStore_AndForgetsWhatWasDeleted()
    {
        await using (var service = await ServiceProcess.StartAsync(_data.Path, Patients))
            await service.StopAsync();
        var deleted = await CommitChangesAsync(_data.Path);
        await using (var store = new SqliteGraphStore(Path.Combine(_data.Path, "graph.db")))
            Assert.Equal(1, (await store.PurgeTombstonesAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None)).Nodes);

        string answer, log;
        await using (var restarted = await ServiceProcess.StartAsync(_data.Path, Patients))
        {
            // From the file and the changes since, the deleted series would live on: the feed no longer says it went.
            var found = await restarted.DataAsync($$"""{ series(first: 1, where: { seriesInstanceUid: { eq: "{{deleted}}" } }) { totalCount } }""");
            Assert.Equal(0, found["series"]!["totalCount"]!.GetValue<int>());
            answer = await ProbeAsync(restarted);
            await restarted.StopAsync();
            log = restarted.FullLog;
        }

        Assert.Equal(await FullLoadAnswerAsync(), answer);
        Assert.Contains("have been purged since: reading the whole store", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Catalogue index read from", log, StringComparison.Ordinal);
    }

    // What another writer commits while the service is down: a new patient with a study and series, a changed patient, a
    // deleted series (its key returned) and a removed dataset link.
    private static async Task<string> CommitChangesAsync(string data)
    {
        await using var store = new SqliteGraphStore(Path.Combine(data, "graph.db"));
        var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
        var sink = new CollectingSink();
        await store.ReadAllAsync(sink, new ReadScope(["Patient", "Dataset", "Series"], ["INCLUDES"]), CancellationToken.None);
        var dataset = sink.Nodes.First(n => n.Node.Label == "Dataset").Node;
        var changed = sink.Nodes.Last(n => n.Node.Label == "Patient").Node;
        var patient = Some.Patient("ZZZ-RESTART-0001", "O", 33);
        var study = Some.Study();
        var series = Some.Series(modality: "CT");
        var changes = new ChangeSet { Source = "restart-test" }
            .Add(patient).Add(study).Add(series)
            .Add(Some.Edge("INCLUDES", dataset, patient)).Add(Some.Edge("HAS_STUDY", patient, study)).Add(Some.Edge("HAS_SERIES", study, series))
            .Add(changed with { Properties = new Dictionary<string, object?>(changed.Properties) { ["sex"] = "U" } });
        var deleted = sink.Nodes.First(n => n.Node.Label == "Series").Node.Ref;
        changes.DeletedNodes.Add(deleted);
        changes.DeletedEdges.Add(sink.Edges.First(e => e.Edge.Type == "INCLUDES" && e.Edge.To != patient.Ref).Edge);
        await writer.WriteAsync(changes, CancellationToken.None);
        return deleted.Key;
    }

    private async Task<(string Answer, string Log, IReadOnlyList<string> Warnings)> RestartAsync(params string[] extra)
    {
        await using var service = await ServiceProcess.StartAsync(_data.Path, Patients, extra);
        var answer = await ProbeAsync(service);
        await service.StopAsync();
        return (answer, service.FullLog, service.Warnings);
    }

    // The same data folder read whole from the store, with no index file read or written.
    private async Task<string> FullLoadAnswerAsync(params string[] extra)
    {
        var saved = await File.ReadAllBytesAsync(IndexFile);
        await using var service = await ServiceProcess.StartAsync(_data.Path, Patients, [.. extra, "--index-file", "none"]);
        Assert.Contains("Catalogue index loaded:", service.FullLog, StringComparison.Ordinal);
        var answer = await ProbeAsync(service);
        await service.StopAsync();
        Assert.Equal(saved, await File.ReadAllBytesAsync(IndexFile));
        return answer;
    }

    private static async Task<string> ProbeAsync(ServiceProcess service) => (await service.DataAsync(Probe)).ToJsonString();
}
