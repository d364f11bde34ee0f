using System.Text.Json.Nodes;
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
        ["Graph:Limits:CohortSeriesPerOwnerPerDay"] = "150",
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

    /// <summary>Second review, high: deleting a cohort keeps its frozen rows in the store, so saving and deleting cohorts stayed under
    /// every limit on live cohorts while the store grew by 400 MB in 47 s. What an owner's saves freeze in a day is limited,
    /// deleted cohorts included.</summary>
    [Fact]
    public async Task SaveCohort_SavedAndDeletedOverAndOver_QuotaExceededPastTheDailySeries()
    {
        var erin = await TestKeys.CreateAsync(_service.DataDirectory, "researcher");
        var (_, patients) = await _service.SendAsync(new { query = "{ patients(first: 20) { nodes { pseudonym series { totalCount } } } }" }, erin);
        var patient = patients["data"]!["patients"]!["nodes"]!.AsArray().First(p => (int)p!["series"]!["totalCount"]! is > 0 and <= 75)!;
        var (pseudonym, series) = ((string)patient["pseudonym"]!, (int)patient["series"]!["totalCount"]!);
        Assert.InRange(series, 1, 75);
        var fits = 150 / series;

        string? refusal = null;
        for (var i = 0; i <= fits && refusal is null; i++)
        {
            var (_, saved) = await _service.SendAsync(new { query = """mutation($p: String!) { saveCohort(input: { name: "again", criteria: { patients: { pseudonym: { eq: $p } } } }) { cohortId } }""", variables = new { p = pseudonym } }, erin);
            if (saved["errors"] is JsonArray errors)
            {
                Assert.Equal(["QUOTA_EXCEEDED"], Responses.Codes(saved));
                refusal = (string)errors[0]!["message"]!;
                Assert.Equal(fits, i);
                break;
            }

            await _service.SendAsync(new { query = $$"""mutation { deleteCohort(id: "{{(string)saved["data"]!["saveCohort"]!["cohortId"]!}}") }""" }, erin);
        }

        Assert.NotNull(refusal);
        Assert.Contains("Graph:Limits:CohortSeriesPerOwnerPerDay", refusal, StringComparison.Ordinal);
    }
}
