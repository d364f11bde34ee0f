using System.Net;
using System.Text.Json.Nodes;
using Graph.Reliability.Tests.Support;
using Graph.Testing;

namespace Graph.Reliability.Tests;

/// <summary>The service on a full disk or a read-only store answers mutations with a clear, coded error and keeps serving reads.</summary>
public sealed class ServiceStoreFaultTests : IDisposable
{
    private const int Patients = 60;
    private const string SaveCohort = """mutation($name: String!) { saveCohort(input: { name: $name, criteria: {} }) { cohortId } }""";
    private const string Statistics = "{ catalogueStatistics { patients { value } series { value } cohorts } }";

    private readonly TmpfsMount _disk = new(sizeKiB: 48 * 1024);

    public void Dispose() => _disk.Dispose();

    private string Database => Path.Combine(_disk.Path, "graph.db");

    [Fact]
    public async Task SaveCohort_DiskFull_AnswersStoreUnavailable_ServesReads_AndRecoversWhenSpaceIsFreed()
    {
        var acknowledged = 0;
        await using (var service = await ServiceProcess.StartAsync(_disk.Path, Patients))
        {
            Assert.NotNull(await SaveAsync(service, "before the disk filled"));
            acknowledged++;
            var filler = _disk.Fill();

            // The WAL may still have room for a few small commits; keep writing until the disk refuses.
            JsonObject? refused = null;
            for (var i = 0; i < 2000 && refused is null; i++)
            {
                var (status, body) = await service.PostAsync(SaveCohort, new { name = $"while full {i}" });
                Assert.Equal(HttpStatusCode.OK, status);
                if (body["errors"] is null)
                    acknowledged++;
                else
                    refused = body;
            }

            Assert.True(refused is not null, "The full disk never refused a commit.");
            var error = refused["errors"]![0]!;
            Assert.Equal("STORE_UNAVAILABLE", (string?)error["extensions"]?["code"]);
            Assert.Contains("the disk is full", (string)error["message"]!, StringComparison.Ordinal);
            Assert.DoesNotContain(_disk.Path, refused.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains($"{Database}: the disk is full", service.Log, StringComparison.Ordinal);

            var reads = await service.DataAsync(Statistics);
            Assert.Equal(acknowledged, (int)reads["catalogueStatistics"]!["cohorts"]!);

            File.Delete(filler);
            Assert.NotNull(await SaveAsync(service, "after space was freed"));
            acknowledged++;
        }

        Assert.Equal("ok", StoreInspection.IntegrityCheck(Database));
        Assert.Equal(0, StoreInspection.OrphanRows(Database));
        await using var restarted = await ServiceProcess.StartAsync(_disk.Path, Patients);
        var after = (await restarted.DataAsync(Statistics))["catalogueStatistics"]!;
        Assert.Equal(acknowledged, (int)after["cohorts"]!);
        Assert.Equal(Patients, (int)after["patients"]!["value"]!);
    }

    [Fact]
    public async Task Service_OnReadOnlyStore_ServesReads_AndAnswersMutationsStoreUnavailable()
    {
        JsonNode expected;
        await using (var service = await ServiceProcess.StartAsync(_disk.Path, Patients))
        {
            Assert.NotNull(await SaveAsync(service, "before the volume became read-only"));
            expected = (await service.DataAsync(Statistics))["catalogueStatistics"]!;
            await service.StopAsync();
        }

        _disk.Remount(readOnly: true);
        try
        {
            await using var service = await ServiceProcess.StartAsync(_disk.Path, Patients);
            Assert.Equal(expected.ToJsonString(), (await service.DataAsync(Statistics))["catalogueStatistics"]!.ToJsonString());

            var (status, body) = await service.PostAsync(SaveCohort, new { name = "on a read-only volume" });
            Assert.Equal(HttpStatusCode.OK, status);
            var error = body["errors"]![0]!;
            Assert.Equal("STORE_UNAVAILABLE", (string?)error["extensions"]?["code"]);
            Assert.Contains("read-only", (string)error["message"]!, StringComparison.Ordinal);
            Assert.Contains($"{Database}: the database file is read-only", service.Log, StringComparison.Ordinal);
            Assert.Equal(expected.ToJsonString(), (await service.DataAsync(Statistics))["catalogueStatistics"]!.ToJsonString());
        }
        finally
        {
            _disk.Remount(readOnly: false);
        }

        Assert.Equal("ok", StoreInspection.IntegrityCheck(Database));
    }

    private static async Task<string?> SaveAsync(ServiceProcess service, string name)
    {
        var (status, body) = await service.PostAsync(SaveCohort, new { name });
        Assert.True(status == HttpStatusCode.OK && body["errors"] is null, body.ToJsonString());
        return (string?)body["data"]!["saveCohort"]!["cohortId"];
    }
}
