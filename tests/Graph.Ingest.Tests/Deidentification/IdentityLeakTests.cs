using System.Text;
using System.Text.Json.Nodes;
using Graph.Domain;
using Graph.Ingest.Tests.Dicom.Support;
using Graph.Testing;

namespace Graph.Ingest.Tests.Deidentification;

/// <summary>Real files that carry a known patient name, id and birth date, and staff and institution names: after ingest,
/// none of them is anywhere in the store's bytes, the logs, or any answer of the service.</summary>
[Collection(ServiceOverStore.Collection)]
public sealed class IdentityLeakTests : IAsyncLifetime
{
    private const string PatientFolder = "ZZTESTNAME_ALICE";

    private static readonly string[] Identifying =
    [
        "ZZTESTNAME", "ALICE", "ZZPID4711", "19471123", "1947-11-23", "ZZINSTITUTE", "ZZREFDOC", "ROBERTO", "ZZOPERATOR", "CAROLINA",
        "CompressedSamples", "1CT1", "ABCD1234", "JFK IMAGING", "Lastname^Firstname",
    ];

    private static readonly string[] Files =
    [
        "CT_small.dcm", "MR_small.dcm", "MR_small_bigendian.dcm", "MR_small_implicit.dcm", "rtdose.dcm", "JPEG2000.dcm",
        "image_dfl.dcm", "liver_1frame.dcm", "SC_rgb_rle.dcm", "rtstruct.dcm",
    ];

    private readonly IngestScenario _scenario = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task Ingest_FilesWithKnownIdentity_NoIdentifierInStoreLogsOrAnyServiceAnswer()
    {
        WriteIdentifiedFiles();
        var logFile = Path.Combine(_scenario.Root, "service.log");
        await _scenario.Store.EnsureSchemaAsync(CancellationToken.None);
        var answers = new StringBuilder();
        int seriesSeen;
        await using (var service = ServiceOverStore.Create(_scenario.DataDirectory, logFile))
        {
            await service.StartAsync();

            var summary = await _scenario.IngestAsync();

            Assert.Equal((11, 10, 1, 1), (summary.Files, summary.Accepted, summary.Rejected, summary.Patients));
            Assert.Equal((8, 2), (summary.Series, summary.Annotations));
            seriesSeen = await WaitForSeriesAsync(service, summary.Series);
            foreach (var kind in GraphModel.NodeKinds)
            {
                var (text, json) = await service.PostForTextAsync(
                    $"{{ {kind.Plural}(first: 1000) {{ totalCount edges {{ cursor node {{ id {kind.KeyField} {string.Join(' ', kind.Fields.Where(f => !f.Internal).Select(f => f.Name))} }} }} }} }}");
                Assert.True(json["errors"] is null, text);
                answers.AppendLine(text);
            }

            var statistics = await service.PostForTextAsync("{ catalogueStatistics { patients { value } studies { value } series { value } catalogueVersion } }");
            answers.AppendLine(statistics.Text);
        }

        Assert.Equal(8, seriesSeen);
        var everything = new Dictionary<string, string>
        {
            ["GraphQL answers"] = answers.ToString(),
            ["ingest log"] = _scenario.Log.Text,
            ["service log"] = await File.ReadAllTextAsync(logFile),
        };
        // The write-ahead log before the database file: a checkpoint that runs between the two reads moves pages from the log
        // into the file (and may delete the log, even while it is being opened: the stopping service checkpoints), so read in
        // this order every page is in at least one of them.
        foreach (var suffix in new[] { "-wal", "-shm", string.Empty })
        {
            var path = _scenario.DatabasePath + suffix;
            if (await ReadSharedAsync(path) is { } bytes)
                everything[Path.GetFileName(path)] = Encoding.Latin1.GetString(bytes);
        }

        // Positive controls: the search does find what was stored, in the store and in the answers.
        Assert.Contains("AX T2 CLEAN", everything["graph.db"] + everything.GetValueOrDefault("graph.db-wal"), StringComparison.Ordinal);
        Assert.Contains("AX T2 CLEAN", everything["GraphQL answers"], StringComparison.Ordinal);
        Assert.Contains(IngestScenario.Pseudonym("ZZPID4711"), everything["GraphQL answers"], StringComparison.Ordinal);
        // The structure set's clean ROI names are kept as its annotation's label; the one naming the patient is not.
        Assert.Contains("\"label\":\"patient; Isocenter 2\"", everything["GraphQL answers"], StringComparison.Ordinal);
        Assert.Contains("Read 11 files", everything["ingest log"], StringComparison.Ordinal);
        Assert.NotEqual(0, everything["service log"].Length);
        foreach (var (source, text) in everything)
        {
            foreach (var value in Identifying.Append(PatientFolder))
                Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"'{value}' found in the {source}.");
        }
    }

    private void WriteIdentifiedFiles()
    {
        foreach (var name in Files)
        {
            var path = Path.Combine(_scenario.Input, PatientFolder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(PydicomFiles.File(name), path);
            var extra = name switch
            {
                "CT_small.dcm" => ["(0008,1030)=CT ABDOMEN ZZTESTNAME", "(0008,103e)=ZZPID4711 SERIES"],
                "rtdose.dcm" => ["(0008,103e)=DOSE 1947-11-23"],
                _ when name.StartsWith("MR_small", StringComparison.Ordinal) => ["(0008,103e)=AX T2 CLEAN"],
                // Annotation texts that name the patient: a segment label and algorithm, an ROI name, the descriptions.
                "liver_1frame.dcm" => ["(0062,0002)[0].(0062,0005)=Liver of ZZTESTNAME", "(0062,0002)[0].(0062,0009)=ALICE's reader", "(0070,0081)=Segmented for ZZPID4711"],
                "rtstruct.dcm" => ["(3006,0020)[1].(3006,0026)=GTV ZZTESTNAME ALICE", "(3006,0004)=Plan of 19471123"],
                _ => Array.Empty<string>(),
            };
            Dcmtk.Modify(
                path,
                [
                    "(0010,0010)=ZZTESTNAME^ALICE", "(0010,0020)=ZZPID4711", "(0010,0030)=19471123", "(0008,0080)=ZZINSTITUTE GENERAL",
                    "(0008,0090)=ZZREFDOC^ROBERTO", "(0008,1070)=ZZOPERATOR^CAROLINA", .. extra,
                ],
                erase: ["(0010,1010)"]);
        }

        var broken = File.ReadAllBytes(Path.Combine(_scenario.Input, PatientFolder, "CT_small.dcm"));
        File.WriteAllBytes(Path.Combine(_scenario.Input, PatientFolder, "ZZTESTNAME_broken.dcm"), broken[..(broken.Length / 2)]);
    }

    private static async Task<int> WaitForSeriesAsync(GraphService service, int expected)
    {
        // The service follows the store's change feed: the ingest's commits appear within seconds.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        int seen;
        do
        {
            var (_, json) = await service.PostForTextAsync("{ series(first: 1) { totalCount } }");
            seen = (int)json["data"]!["series"]!["totalCount"]!;
            if (seen == expected)
                break;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return seen;
    }

    // The file's bytes, or null when it is not there (any more).
    private static async Task<byte[]?> ReadSharedAsync(string path)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
