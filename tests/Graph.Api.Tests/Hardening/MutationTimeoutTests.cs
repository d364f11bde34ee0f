using System.Text;
using System.Text.Json.Nodes;
using Graph.Api.Tests.Security;
using Graph.Testing;

namespace Graph.Api.Tests.Hardening;

/// <summary>A mutation whose write outlasted the request's time limit was answered TIMEOUT after it had been committed (a saved
/// cohort, half of a clinical import): a client that trusted the answer saved again, or never learnt what was applied. A mutation
/// is now refused unwritten when it waits too long for its turn, and otherwise finishes and answers what it wrote.</summary>
public sealed class MutationTimeoutTests : IAsyncLifetime
{
    // Far shorter than a save of every series of 1,000 patients, or an import of 2,000 diagnoses, takes to write.
    private readonly GraphService _service = ConfiguredService.Create(new Dictionary<string, string>
    {
        ["Graph:DemoPatients"] = "1000",
        ["Graph:Limits:TimeoutSeconds"] = "0.05",
    });

    public async Task InitializeAsync() => await _service.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task SaveCohort_WritesOutlastingTheTimeLimit_EveryAnswerSaysWhatIsKept()
    {
        var dave = await TestKeys.CreateAsync(_service.DataDirectory, "researcher");
        const string SaveAll = """mutation($name: String!) { saveCohort(input: { name: $name, criteria: {} }) { cohortId } }""";
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => _service.SendAsync(new { query = SaveAll, variables = new { name = $"slow{i}" } }, dave)));

        var saved = answers.Where(a => a.Body["data"]?["saveCohort"] is JsonObject).Select(a => (string)a.Body["data"]!["saveCohort"]!["cohortId"]!).ToList();
        Assert.True(saved.Count > 0, string.Join("\n", answers.Select(a => a.Body.ToJsonString())));
        Assert.All(answers.Where(a => a.Body["data"]?["saveCohort"] is not JsonObject), a =>
        {
            Assert.Equal(["TIMEOUT"], Responses.Codes(a.Body));
            Assert.Contains("nothing of this change was written", (string)a.Body["errors"]![0]!["message"]!, StringComparison.Ordinal);
        });
        var kept = (await ReadAsync("{ cohorts(first: 10) { nodes { cohortId } } }", dave))["cohorts"]!["nodes"]!.AsArray().Select(n => (string)n!["cohortId"]!);
        Assert.Equal(saved.Order(), kept.Order());
    }

    [Fact]
    public async Task ImportClinical_BatchesOutlastingTheTimeLimit_AllAppliedAndReported()
    {
        var curator = await TestKeys.CreateAsync(_service.DataDirectory, "curator");
        var patients = (await ReadAsync("{ patients(first: 1000) { nodes { pseudonym } } }", curator))["patients"]!["nodes"]!.AsArray()
            .Select(p => (string)p!["pseudonym"]!).ToList();
        var content = new StringBuilder("pseudonym,diagnosis,stage\n");
        foreach (var pseudonym in patients)
            content.Append(pseudonym).Append(",91,IIA\n").Append(pseudonym).Append(",92,IIB\n");

        var (_, body) = await _service.SendAsync(new { query = "mutation($c: String!) { importClinical(content: $c) { records applied rejected } }", variables = new { c = content.ToString() } }, curator);

        Assert.Null(body["errors"]);
        var answer = body["data"]!["importClinical"]!;
        Assert.Equal((2000, 2000, 0), ((int)answer["records"]!, (int)answer["applied"]!, (int)answer["rejected"]!));
        var last = await ReadAsync("query($k: String!) { diagnosisByKey(key: $k) { stage } }", curator, new { k = patients[^1] + "/92" });
        Assert.Equal("IIB", (string)last["diagnosisByKey"]!["stage"]!);
    }

    // Reads are held to the short limit too; a read that ran out of time is asked again.
    private async Task<JsonNode> ReadAsync(string query, string key, object? variables = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (_, body) = await _service.SendAsync(new { query, variables }, key);
            if (attempt < 50 && Responses.Codes(body) is ["TIMEOUT"])
                continue;
            Assert.Null(body["errors"]);
            return body["data"]!;
        }
    }
}
