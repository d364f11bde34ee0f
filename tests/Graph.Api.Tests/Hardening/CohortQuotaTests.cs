using Graph.Api.Tests.Security;
using Graph.Testing;

namespace Graph.Api.Tests.Hardening;

/// <summary>Review, high: saveCohort had no limit per owner, and each version freezes its members in the store (a cohort of every
/// readable series of the launch catalogue took about 30 MB): one researcher's key grew the store by a gigabyte a minute. An owner
/// keeps at most so many cohort versions and frozen series; the next save is refused, and deleting makes room again.</summary>
public sealed class CohortQuotaTests : IAsyncLifetime
{
    private const string SaveAll = """mutation($name: String!) { saveCohort(input: { name: $name, criteria: {} }) { cohortId series { totalCount } } }""";

    private readonly GraphService _service = ConfiguredService.Create(new Dictionary<string, string>
    {
        ["Graph:Limits:CohortsPerOwner"] = "3",
        ["Graph:Limits:CohortSeriesPerOwner"] = "100",
    });

    public async Task InitializeAsync() => await _service.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task SaveCohort_PastTheOwnersCohorts_QuotaExceededUntilOneIsDeleted()
    {
        var alice = await TestKeys.CreateAsync(_service.DataDirectory, "researcher");
        var bob = await TestKeys.CreateAsync(_service.DataDirectory, "researcher");
        const string SaveOne = """mutation($name: String!) { saveCohort(input: { name: $name, criteria: { series: { modality: { eq: "XA" } } } }) { cohortId } }""";
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, saved) = await _service.SendAsync(new { query = SaveOne, variables = new { name = $"c{i}" } }, alice);
            ids.Add((string)saved["data"]!["saveCohort"]!["cohortId"]!);
        }

        var (_, refused) = await _service.SendAsync(new { query = SaveOne, variables = new { name = "c3" } }, alice);
        Assert.Equal(["QUOTA_EXCEEDED"], Responses.Codes(refused));
        Assert.Contains("Graph:Limits:CohortsPerOwner", (string)refused["errors"]![0]!["message"]!, StringComparison.Ordinal);
        var (_, revise) = await _service.SendAsync(new { query = $$"""mutation { reviseCohort(id: "{{ids[0]}}") { cohortId } }""" }, alice);
        Assert.Equal(["QUOTA_EXCEEDED"], Responses.Codes(revise));

        // Another owner is not affected; a deletion makes room.
        var (_, bobs) = await _service.SendAsync(new { query = SaveOne, variables = new { name = "bob" } }, bob);
        Assert.Empty(Responses.Codes(bobs));
        await _service.SendAsync(new { query = $$"""mutation { deleteCohort(id: "{{ids[0]}}") }""" }, alice);
        var (_, again) = await _service.SendAsync(new { query = SaveOne, variables = new { name = "c3" } }, alice);
        Assert.Empty(Responses.Codes(again));
        var (_, count) = await _service.SendAsync(new { query = "{ cohorts { totalCount } }" }, alice);
        Assert.Equal(3, (int)count["data"]!["cohorts"]!["totalCount"]!);
    }

    [Fact]
    public async Task SaveCohort_PastTheOwnersFrozenSeries_QuotaExceededNamingTheFigures()
    {
        var carol = await TestKeys.CreateAsync(_service.DataDirectory, "researcher");
        var (_, refused) = await _service.SendAsync(new { query = SaveAll, variables = new { name = "everything" } }, carol);
        var (_, all) = await _service.SendAsync(new { query = "{ series { totalCount } }" }, carol);
        Assert.True((int)all["data"]!["series"]!["totalCount"]! > 100, "The test needs more readable series than the limit.");
        Assert.Equal(["QUOTA_EXCEEDED"], Responses.Codes(refused));
        Assert.Contains("Graph:Limits:CohortSeriesPerOwner", (string)refused["errors"]![0]!["message"]!, StringComparison.Ordinal);
        var (_, cohorts) = await _service.SendAsync(new { query = "{ cohorts { totalCount } }" }, carol);
        Assert.Equal(0, (int)cohorts["data"]!["cohorts"]!["totalCount"]!);
    }
}
