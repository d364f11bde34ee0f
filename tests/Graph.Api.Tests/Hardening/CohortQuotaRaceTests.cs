using System.Text.Json.Nodes;
using Graph.Api.Tests.Security;
using Graph.Testing;

namespace Graph.Api.Tests.Hardening;

/// <summary>Second review, high: twenty-five saves of large cohorts sent at once each found room before any was written, and
/// twelve cohorts were kept against a limit of ten. Saves are checked and written one at a time: exactly the room is used, and
/// every save answered as saved is there.</summary>
public sealed class CohortQuotaRaceTests : IAsyncLifetime
{
    private readonly GraphService _service = ConfiguredService.Create(new Dictionary<string, string>
    {
        ["Graph:DemoPatients"] = "1000",
        ["Graph:Limits:CohortsPerOwner"] = "2",
    });

    public async Task InitializeAsync() => await _service.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task SaveCohort_ManyLargeAtOnce_NoMoreThanTheOwnersCohortsKept()
    {
        var dave = await TestKeys.CreateAsync(_service.DataDirectory, "researcher");
        const string SaveAll = """mutation($name: String!) { saveCohort(input: { name: $name, criteria: {} }) { cohortId } }""";
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => _service.SendAsync(new { query = SaveAll, variables = new { name = $"race{i}" } }, dave)));

        var saved = answers.Count(a => a.Body["data"]?["saveCohort"] is JsonObject);
        Assert.Equal(2, saved);
        Assert.All(answers.Where(a => a.Body["data"]?["saveCohort"] is not JsonObject), a => Assert.Equal(["QUOTA_EXCEEDED"], Responses.Codes(a.Body)));
        var (_, count) = await _service.SendAsync(new { query = "{ cohorts { totalCount } }" }, dave);
        Assert.Equal(2, (int)count["data"]!["cohorts"]!["totalCount"]!);
    }
}
