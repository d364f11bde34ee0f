using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Graph.Reliability.Tests.Support;
using Graph.Store.Sqlite;
using Graph.Testing;

namespace Graph.Reliability.Tests;

/// <summary>The service killed (SIGKILL) during a stream of mutations loses nothing it acknowledged and keeps no partial ChangeSet.</summary>
/// <remarks>
/// Ingest killed mid-way is covered where the commands live: KillMidCommitTests (seed) and IngestKillTests (ingest dicom),
/// both SIGKILL the writer, check whole ChangeSets only, and re-run to the state of an uninterrupted run.
/// </remarks>
public sealed class ServiceKillTests : IDisposable
{
    private const int Patients = 1000;
    private const int Writers = 3;

    // Cohorts select every patient or a part of them, so their commits are large (up to 1000 relationships) and slow enough to be cut.
    private static readonly string[] Criteria =
    [
        "{}",
        """{ patients: { cancerTypes: { some: { code: { in: ["prostate", "breast", "lung"] } } } } }""",
        """{ series: { modality: { eq: "MR" } } }""",
    ];

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 45)]
    public async Task Service_KilledDuringMutations_RestartsWithEveryAcknowledgedWrite_AndNoPartialChangeSet(int seed, int killAfter)
    {
        var database = Path.Combine(_data.Path, "graph.db");
        var expectedMembers = new long[Criteria.Length];
        var acknowledgedCohorts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var acknowledgedRepositories = new ConcurrentBag<string>();
        CatalogueCounts before;
        await using (var service = await ServiceProcess.StartAsync(_data.Path, Patients))
        {
            for (var v = 0; v < Criteria.Length; v++)
                expectedMembers[v] = (long)(await service.DataAsync($"{{ cohortPreview(criteria: {Criteria[v]}) {{ patients {{ value }} }} }}"))["cohortPreview"]!["patients"]!["value"]!;
            before = await StatisticsAsync(service);

            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        if (i % 4 == 3)
                        {
                            var slug = $"kill-repo-{seed}-{w}-{i}";
                            var (status, body) = await service.PostAsync(
                                "mutation($input: AddRepositoryInput!) { addRepository(input: $input) { slug } }",
                                new { input = new { slug, name = $"Kill test repository {w}-{i}", baseUrl = "https://pacs.example.org/dicom-web", country = "ES" } });
                            if (status == HttpStatusCode.OK && (string?)body["data"]?["addRepository"]?["slug"] == slug)
                                acknowledgedRepositories.Add(slug);
                        }
                        else
                        {
                            var variant = (w + i) % Criteria.Length;
                            var (status, body) = await service.PostAsync($$"""mutation { saveCohort(input: { name: "kill-{{w}}-{{i}}-v{{variant}}", criteria: {{Criteria[variant]}} }) { cohortId } }""");
                            if (status == HttpStatusCode.OK && (string?)body["data"]?["saveCohort"]?["cohortId"] is { } id)
                                acknowledgedCohorts[id] = variant;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return; // the service is gone: whatever was in flight is unacknowledged
                    }
                }
            })).ToArray();

            var random = new Random(seed);
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (acknowledgedCohorts.Count + acknowledgedRepositories.Count < killAfter)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Only {acknowledgedCohorts.Count} mutations were acknowledged within 3 minutes:\n{service.Log}");
                await Task.Delay(10);
            }

            // Land the kill at a random point inside the stream, most likely while a commit is running.
            await Task.Delay(random.Next(0, 40));
            await service.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.Equal("ok", StoreInspection.IntegrityCheck(database));
        Assert.Equal(0, StoreInspection.OrphanRows(database));
        var cohorts = StoreInspection.NodesWithOutgoing(database, "Cohort", "SELECTS", "Patient");
        foreach (var (id, variant) in acknowledgedCohorts)
            Assert.True(cohorts.ContainsKey(id), $"Cohort {id} was acknowledged before the kill but is not in the store.");
        foreach (var (id, (name, edges)) in cohorts)
        {
            // Committed but maybe never acknowledged: still whole, with every member its criteria selected.
            var variant = int.Parse(name[(name.LastIndexOf('v') + 1)..], CultureInfo.InvariantCulture);
            Assert.True(expectedMembers[variant] == edges, $"Cohort {id} ({name}) holds {edges} member patients; its criteria select {expectedMembers[variant]}: a partial ChangeSet.");
        }

        var repositories = StoreInspection.NodesWithOutgoing(database, "Repository", "HOSTS");
        foreach (var slug in acknowledgedRepositories)
            Assert.True(repositories.ContainsKey(slug), $"Repository {slug} was acknowledged before the kill but is not in the store.");

        await using (var store = new SqliteGraphStore(database))
        {
            var stats = await store.GetStatisticsAsync(CancellationToken.None);
            Assert.Equal(cohorts.Count, stats.Nodes["Cohort"]);
        }

        await using (var restarted = await ServiceProcess.StartAsync(_data.Path, Patients))
        {
            var after = await StatisticsAsync(restarted);
            Assert.Equal(before.Patients, after.Patients);
            Assert.Equal(before.Series, after.Series);
            Assert.Equal(before.Datasets, after.Datasets);
            Assert.Equal(cohorts.Count, after.Cohorts);
            Assert.Equal(repositories.Count, after.Repositories);
            foreach (var id in acknowledgedCohorts.Keys.Take(5))
            {
                var drift = (await restarted.DataAsync($$"""{ cohortByKey(key: "{{id}}") { drift { added { value } removed { value } } } }"""))["cohortByKey"]!["drift"]!;
                Assert.Equal(0, (int)drift["added"]!["value"]! + (int)drift["removed"]!["value"]!);
            }

            // The service still takes writes after the crash.
            var (status, body) = await restarted.PostAsync("""mutation { saveCohort(input: { name: "after-restart-v0", criteria: {} }) { cohortId } }""");
            Assert.True(status == HttpStatusCode.OK && body["errors"] is null, body.ToJsonString());
        }
    }

    private static async Task<CatalogueCounts> StatisticsAsync(ServiceProcess service)
    {
        var s = (await service.DataAsync("{ catalogueStatistics { repositories datasets patients { value } series { value } cohorts } }"))["catalogueStatistics"]!;
        return new CatalogueCounts((int)s["repositories"]!, (int)s["datasets"]!, (int)s["patients"]!["value"]!, (int)s["series"]!["value"]!, (int)s["cohorts"]!);
    }

    private sealed record CatalogueCounts(int Repositories, int Datasets, int Patients, int Series, int Cohorts);
}
