using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Security;

/// <summary>Each role against each query and mutation: who may run what, and which records and counts each one gets.</summary>
[Collection(CatalogueCollection.Name)]
public sealed partial class AccessMatrixTests(CatalogueFactory service) : IAsyncLifetime
{
    private static readonly string[] Roles = ["anonymous", "researcher", "partner", "curator", "admin"];

    private readonly Dictionary<string, string?> _keys = [];
    private List<(string Pseudonym, List<(string Slug, string Tier)> Datasets)> _patients = [];
    private string _restricted = "";

    public async Task InitializeAsync()
    {
        _keys["anonymous"] = null;
        foreach (var role in Roles.Skip(1))
            _keys[role] = await TestKeys.CreateAsync(service.DataDirectory, role);
        var data = await service.DataAsync("{ patients(first: 1000) { nodes { pseudonym datasets { nodes { slug accessTier } } } } }");
        _patients = data["patients"]!["nodes"]!.AsArray()
            .Select(p => ((string)p!["pseudonym"]!, p["datasets"]!["nodes"]!.AsArray().Select(d => ((string)d!["slug"]!, (string?)d["accessTier"] ?? "restricted")).ToList()))
            .ToList();
        _restricted = _patients.SelectMany(p => p.Datasets).Where(d => d.Tier == "restricted").GroupBy(d => d.Slug).OrderByDescending(g => g.Count()).First().Key;
        _keys["granted"] = await TestKeys.CreateAsync(service.DataDirectory, "researcher", _restricted);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("anonymous")]
    [InlineData("researcher")]
    [InlineData("granted")]
    [InlineData("partner")]
    [InlineData("curator")]
    [InlineData("admin")]
    public async Task Patients_EachRole_OnlyThoseOfReadableDatasets(string role)
    {
        var expected = _patients.Where(p => p.Datasets.Any(d => Readable(role, d.Slug, d.Tier))).Select(p => p.Pseudonym).Order().ToList();
        var body = await PostAsync(role, "{ patients(first: 1000) { totalCount nodes { pseudonym } } }");
        Assert.Empty(Responses.Codes(body));
        var patients = body["data"]!["patients"]!;
        Assert.Equal(expected, patients["nodes"]!.AsArray().Select(p => (string)p!["pseudonym"]!).Order().ToList());
        Assert.Equal(expected.Count, (int)patients["totalCount"]!);
        Assert.True(role is "curator" or "admin" ? expected.Count == _patients.Count : expected.Count < _patients.Count);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("researcher")]
    [InlineData("granted")]
    [InlineData("admin")]
    public async Task EveryRecordPath_EachRole_ReachesOnlyReadablePatients(string role)
    {
        var readable = _patients.Where(p => p.Datasets.Any(d => Readable(role, d.Slug, d.Tier))).Select(p => p.Pseudonym).ToHashSet();
        // Series reached five ways: directly, through datasets, through cancer types, through concepts (their derived CODED_AS) and through text search.
        var body = await PostAsync(role, """
            {
              series(first: 1000) { nodes { patient { pseudonym } } }
              datasets(first: 100) { nodes { series(first: 1000) { nodes { patient { pseudonym } } } } }
              cancerTypes { nodes { patients(first: 1000) { nodes { pseudonym } } } }
              concepts(first: 100) { nodes { series(first: 1000) { totalCount nodes { patient { pseudonym } } } } }
              search(text: "t1", kinds: ["Series"], first: 100) { hits { node { ... on Series { patient { pseudonym } } } } }
            }
            """);
        Assert.Empty(Responses.Codes(body));
        var reached = body["data"]!.ToJsonString();
        var pseudonyms = _patients.Select(p => p.Pseudonym).Where(p => reached.Contains($"\"{p}\"", StringComparison.Ordinal)).ToHashSet();
        Assert.NotEmpty(pseudonyms);
        Assert.Subset(readable, pseudonyms);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("researcher")]
    [InlineData("granted")]
    [InlineData("admin")]
    public async Task ViewerLinks_EachRole_OnlyOnReadableStudiesAndSeries(string role)
    {
        var readable = _patients.Where(p => p.Datasets.Any(d => Readable(role, d.Slug, d.Tier))).Select(p => p.Pseudonym).ToHashSet();
        const string query = """
            { studies(first: 1000) { nodes { studyInstanceUid viewerUrl retrieveUrl patient { pseudonym }
                series(first: 20) { nodes { seriesInstanceUid viewerUrl retrieveUrl } } } } }
            """;
        var body = await PostAsync(role, query);
        Assert.Empty(Responses.Codes(body));

        var studies = body["data"]!["studies"]!["nodes"]!.AsArray();
        Assert.NotEmpty(studies);
        foreach (var study in studies)
        {
            var uid = (string)study!["studyInstanceUid"]!;
            Assert.Contains((string)study["patient"]!["pseudonym"]!, readable);
            Assert.StartsWith("https://", (string)study["viewerUrl"]!, StringComparison.Ordinal);
            Assert.Contains($"StudyInstanceUIDs={uid}&", (string)study["viewerUrl"]!, StringComparison.Ordinal);
            Assert.EndsWith($"/studies/{uid}", (string)study["retrieveUrl"]!, StringComparison.Ordinal);
            foreach (var series in study["series"]!["nodes"]!.AsArray())
            {
                var seriesUid = (string)series!["seriesInstanceUid"]!;
                Assert.EndsWith($"StudyInstanceUIDs={uid}&SeriesInstanceUIDs={seriesUid}", (string)series["viewerUrl"]!, StringComparison.Ordinal);
                Assert.EndsWith($"/studies/{uid}/series/{seriesUid}", (string)series["retrieveUrl"]!, StringComparison.Ordinal);
            }
        }

        // No link to a study the caller may not read reaches the caller, whichever way it is asked.
        var all = (await PostAsync("admin", "{ studies(first: 1000) { nodes { studyInstanceUid patient { pseudonym } } } }"))["data"]!["studies"]!["nodes"]!.AsArray();
        var hidden = all.Where(s => !readable.Contains((string)s!["patient"]!["pseudonym"]!)).Select(s => (string)s!["studyInstanceUid"]!).ToList();
        Assert.Equal(role == "admin", hidden.Count == 0);
        var text = body.ToJsonString() + (await PostAsync(role, "{ series(first: 1000) { nodes { viewerUrl retrieveUrl } } }")).ToJsonString();
        Assert.DoesNotContain(hidden, uid => text.Contains(uid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HarvestRuns_CountingStudiesOfEveryTier_OnlyForCallersWhoReadEverything()
    {
        var repository = (string)(await PostAsync("admin", "{ repositories(first: 1) { nodes { slug } } }"))["data"]!["repositories"]!["nodes"]![0]!["slug"]!;
        var changes = new Graph.Store.ChangeSet { Source = "test" };
        changes.Add(Domain.NodeRecord.Of(Domain.GraphModel.HarvestRun, $"{repository}@matrix", ("startedAt", "2026-01-01T00:00:00Z"), ("status", "succeeded"), ("studiesSeen", 3L)));
        changes.Add(Domain.EdgeRecord.Of("HARVESTED", new Domain.NodeRef("Repository", repository), new Domain.NodeRef("HarvestRun", $"{repository}@matrix")));
        await service.Services.GetRequiredService<Graph.Store.GraphWriter>().WriteAsync(changes, CancellationToken.None);
        var query = $$"""{ harvestRuns { totalCount } repositoryByKey(key: "{{repository}}") { harvestRuns { nodes { studiesSeen } } } }""";
        foreach (var (role, visible) in new[] { ("anonymous", false), ("researcher", false), ("granted", false), ("curator", true), ("admin", true) })
        {
            var data = (await PostAsync(role, query))["data"]!;
            Assert.Equal(visible, (int)data["harvestRuns"]!["totalCount"]! > 0);
            Assert.Equal(visible, data["repositoryByKey"]!["harvestRuns"]!["nodes"]!.AsArray().Count > 0);
        }
    }

    private bool Readable(string role, string slug, string tier) => role switch
    {
        "anonymous" => tier == "open",
        "researcher" or "partner" => tier is "open" or "registered",
        "granted" => tier is "open" or "registered" || slug == _restricted,
        _ => true,
    };

    private HttpClient Client(string role) => _keys[role] is { } key ? service.CreateClient(key) : service.CreateAnonymousClient();

    private async Task<JsonObject> PostAsync(string role, string query)
    {
        using var client = Client(role);
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
