using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Api.Tests.Security;
using Graph.Domain;
using Graph.Store;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests;

/// <summary>Issue 21, point 1: a saved cohort keeps its members and series at its version while the catalogue changes; a new
/// version sits beside it; cohortDiff lists exactly the change (readable records listed, the rest protected).</summary>
public sealed class CohortVersionTests : IAsyncLifetime
{
    private const string MrCriteria = """{ series: { modality: { eq: "MR" } } }""";
    private const string Members = "patients(first: 1000) { nodes { pseudonym } } series(first: 1000) { nodes { seriesInstanceUid } }";

    private readonly GraphService _service = ConfiguredService.Create(new Dictionary<string, string>());
    private readonly Dictionary<string, string?> _keys = new() { ["anonymous"] = null };
    private List<(string Slug, string Tier)> _datasets = [];

    public async Task InitializeAsync()
    {
        await _service.StartAsync();
        foreach (var (name, role) in new[] { ("curator", "curator"), ("alice", "researcher"), ("bob", "researcher") })
            _keys[name] = await TestKeys.CreateAsync(_service.DataDirectory, role);
        var data = await DataAsync("curator", "{ datasets(first: 100) { nodes { slug accessTier } } }");
        _datasets = data["datasets"]!["nodes"]!.AsArray().Select(d => ((string)d!["slug"]!, (string?)d["accessTier"] ?? "restricted")).ToList();
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task SavedCohort_CatalogueChanges_Version1KeepsMembersVersion2AndDiffShowExactlyTheChange()
    {
        var saved = (await DataAsync("curator", $$"""mutation { saveCohort(input: { name: "MR", criteria: {{MrCriteria}} }) { cohortId version lineage visibility {{Members}} } }"""))["saveCohort"]!;
        var id = (string)saved["cohortId"]!;
        Assert.Equal(1, (int)saved["version"]!);
        Assert.Equal(id, (string?)saved["lineage"]);
        Assert.Equal("PRIVATE", (string?)saved["visibility"]);
        var (patients1, series1) = (Keys(saved, "patients", "pseudonym"), Keys(saved, "series", "seriesInstanceUid"));
        Assert.NotEmpty(series1);

        // An import: a new MR patient in an open and in a restricted dataset, and one saved series re-read as CT.
        var open = _datasets.First(d => d.Tier == "open").Slug;
        var restricted = _datasets.First(d => d.Tier == "restricted").Slug;
        var changed = series1[0];
        var changes = new ChangeSet { Source = "test-import" };
        AddPatient(changes, open, "zz-open-new", "1.2.826.0.1.3680043.99.1");
        AddPatient(changes, restricted, "zz-restricted-new", "1.2.826.0.1.3680043.99.2");
        changes.Add(NodeRecord.Of(GraphModel.Series, changed, ("modality", "CT")));
        await _service.Services.GetRequiredService<GraphWriter>().WriteAsync(changes, CancellationToken.None);

        var again = (await DataAsync("curator", $$"""{ cohortByKey(key: "{{id}}") { version {{Members}} } }"""))["cohortByKey"]!;
        Assert.Equal(patients1, Keys(again, "patients", "pseudonym"));
        Assert.Equal(series1, Keys(again, "series", "seriesInstanceUid"));

        var revised = (await DataAsync("curator", $$"""mutation { reviseCohort(id: "{{id}}") { cohortId version lineage name versions { cohortId version } {{Members}} } }"""))["reviseCohort"]!;
        var id2 = (string)revised["cohortId"]!;
        Assert.Equal(2, (int)revised["version"]!);
        Assert.Equal(id, (string?)revised["lineage"]);
        Assert.Equal("MR", (string?)revised["name"]);
        Assert.Equal([id, id2], revised["versions"]!.AsArray().Select(v => (string)v!["cohortId"]!).ToArray());
        Assert.Equal(patients1, Keys((await DataAsync("curator", $$"""{ cohortByKey(key: "{{id}}") { {{Members}} } }"""))["cohortByKey"]!, "patients", "pseudonym"));

        var patients2 = Keys(revised, "patients", "pseudonym");
        var series2 = Keys(revised, "series", "seriesInstanceUid");
        Assert.Contains("zz-open-new", patients2);
        Assert.DoesNotContain(changed, series2);

        var diff = (await DataAsync("curator", DiffQuery(id, id2)))["cohortDiff"]!;
        Assert.Equal(patients2.Except(patients1).Order(StringComparer.Ordinal), Listed(diff, "patientsAdded", "pseudonym"));
        Assert.Equal(["zz-open-new", "zz-restricted-new"], Listed(diff, "patientsAdded", "pseudonym"));
        Assert.Equal(patients1.Except(patients2).Order(StringComparer.Ordinal), Listed(diff, "patientsRemoved", "pseudonym"));
        Assert.Equal(["1.2.826.0.1.3680043.99.1.1", "1.2.826.0.1.3680043.99.2.1"], Listed(diff, "seriesAdded", "seriesInstanceUid"));
        Assert.Equal([changed], Listed(diff, "seriesRemoved", "seriesInstanceUid"));
        Assert.True((bool)diff["patientsAdded"]!["count"]!["exact"]!);
        Assert.Equal(2, (int)diff["patientsAdded"]!["count"]!["value"]!);

        // A restricted caller, shown the cohort: the readable records listed, the restricted new patient and series only as a
        // protected count, withheld as one patient is below the threshold.
        var bob = await OwnerIdAsync("bob");
        await DataAsync("curator", $$"""mutation { updateCohort(input: { id: "{{id}}", visibility: SHARED, sharedWith: ["{{bob}}"] }) { cohortId } }""");
        var bobsDiff = (await DataAsync("bob", DiffQuery(id, id2)))["cohortDiff"]!;
        Assert.Equal(["zz-open-new"], Listed(bobsDiff, "patientsAdded", "pseudonym"));
        Assert.Equal(["1.2.826.0.1.3680043.99.1.1"], Listed(bobsDiff, "seriesAdded", "seriesInstanceUid"));
        var count = bobsDiff["patientsAdded"]!["count"]!;
        Assert.False((bool)count["exact"]!);
        Assert.Equal(1, (int)count["readable"]!);
        Assert.Null(count["restricted"]);
        Assert.Equal("1 + fewer than 5", (string?)count["text"]);
        Assert.Equal(1, (int)bobsDiff["patientsAdded"]!["readableCount"]!);
        var bobsV1 = (await DataAsync("bob", $$"""{ cohortByKey(key: "{{id}}") { {{Members}} } }"""))["cohortByKey"]!;
        Assert.Subset(patients1.ToHashSet(), Keys(bobsV1, "patients", "pseudonym").ToHashSet());
    }

    [Fact]
    public async Task DiffAttack_TwoVersionsDifferingByOneUnreadablePatient_LooksLikeNoDifference()
    {
        // A curator's public cohorts: everyone, and everyone but one patient that bob may not read.
        var hidden = (string)(await DataAsync("curator", """{ patients(first: 1, where: { datasets: { all: { accessTier: { eq: "restricted" } } } }) { nodes { pseudonym } } }"""))
            ["patients"]!["nodes"]![0]!["pseudonym"]!;
        var all = await SaveAsync("curator", "everyone", "{}", "PUBLIC");
        var allButOne = await SaveAsync("curator", "everyone but one", $$"""{ patients: { pseudonym: { neq: "{{hidden}}" } } }""", "PUBLIC");
        var same = await SaveAsync("curator", "everyone again", "{}", "PUBLIC");

        foreach (var caller in new[] { "bob", "anonymous" })
        {
            var differs = (await DataAsync(caller, DiffQuery(all, allButOne)))["cohortDiff"]!;
            var equal = (await DataAsync(caller, DiffQuery(all, same)))["cohortDiff"]!;
            Assert.Empty(Listed(differs, "patientsRemoved", "pseudonym"));
            Assert.Equal(equal["patientsRemoved"]!["count"]!.ToJsonString(), differs["patientsRemoved"]!["count"]!.ToJsonString());
            Assert.Equal(equal["seriesRemoved"]!["count"]!.ToJsonString(), differs["seriesRemoved"]!["count"]!.ToJsonString());
        }
    }

    [Fact]
    public async Task OwnerMutations_RenameShareDelete_OthersRefused()
    {
        var id = await SaveAsync("alice", "alice's", MrCriteria, null);
        var id2 = (string)(await DataAsync("alice", $$"""mutation { reviseCohort(id: "{{id}}") { cohortId } }"""))["reviseCohort"]!["cohortId"]!;
        var bob = await OwnerIdAsync("bob");
        Assert.Null((await DataAsync("bob", $$"""{ cohortByKey(key: "{{id}}") { name } }"""))["cohortByKey"]);

        var updated = (await DataAsync("alice", $$"""
            mutation { updateCohort(input: { id: "{{id2}}", name: "Renamed", description: "Why", visibility: SHARED, sharedWith: ["{{bob}}"] }) {
              versions { name description visibility sharedWith } } }
            """))["updateCohort"]!["versions"]!.AsArray();
        Assert.Equal(2, updated.Count);
        Assert.All(updated, v =>
        {
            Assert.Equal("Renamed", (string?)v!["name"]);
            Assert.Equal("Why", (string?)v["description"]);
            Assert.Equal("SHARED", (string?)v["visibility"]);
            Assert.Equal([bob], v["sharedWith"]!.AsArray().Select(s => (string)s!).ToArray());
        });
        Assert.Equal("Renamed", (string?)(await DataAsync("bob", $$"""{ cohortByKey(key: "{{id}}") { name } }"""))["cohortByKey"]!["name"]);
        Assert.Null((await DataAsync("anonymous", $$"""{ cohortByKey(key: "{{id}}") { name } }"""))["cohortByKey"]);

        // Shown is not owned: bob and a curator (who reads every cohort) may not change or delete it.
        foreach (var caller in new[] { "bob", "curator" })
        {
            Assert.Equal(["FORBIDDEN"], Responses.Codes(await PostAsync(caller, $$"""mutation { updateCohort(input: { id: "{{id}}", name: "mine" }) { name } }""")));
            Assert.Equal(["FORBIDDEN"], Responses.Codes(await PostAsync(caller, $$"""mutation { deleteCohort(id: "{{id}}") }""")));
            Assert.Equal(["FORBIDDEN"], Responses.Codes(await PostAsync(caller, $$"""mutation { reviseCohort(id: "{{id}}") { cohortId } }""")));
        }

        Assert.Equal(["NOT_FOUND"], Responses.Codes(await PostAsync("alice", """mutation { deleteCohort(id: "no-such-cohort") }""")));
        Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(await PostAsync("alice", $$"""mutation { updateCohort(input: { id: "{{id}}", visibility: SHARED }) { name } }""")));
        Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(await PostAsync("alice", $$"""mutation { updateCohort(input: { id: "{{id}}", visibility: PRIVATE, sharedWith: ["key:x"] }) { name } }""")));
        Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(await PostAsync("alice", $$"""mutation { updateCohort(input: { id: "{{id}}", name: " " }) { name } }""")));

        await DataAsync("alice", $$"""mutation { updateCohort(input: { id: "{{id}}", visibility: PUBLIC }) { cohortId } }""");
        Assert.Equal("Renamed", (string?)(await DataAsync("anonymous", $$"""{ cohortByKey(key: "{{id2}}") { name } }"""))["cohortByKey"]!["name"]);

        var deleted = (await DataAsync("alice", $$"""mutation { deleteCohort(id: "{{id}}") }"""))["deleteCohort"]!.AsArray().Select(d => (string)d!).ToArray();
        Assert.Equal([id, id2], deleted);
        foreach (var caller in new[] { "alice", "curator", "anonymous" })
            Assert.Null((await DataAsync(caller, $$"""{ cohortByKey(key: "{{id2}}") { name } }"""))["cohortByKey"]);
    }

    [Fact]
    public async Task Citation_ListsEveryDatasetOfTheMembersWithDoiAndLicence()
    {
        var id = await SaveAsync("curator", "Cited", "{}", null);
        var data = await DataAsync("curator", $$"""
            { cohortByKey(key: "{{id}}") { citation { text bibtex cslJson datasets } patients(first: 1000) { nodes { datasets { nodes { slug title doi licence } } } } } }
            """);
        var cohort = data["cohortByKey"]!;
        var expected = cohort["patients"]!["nodes"]!.AsArray().SelectMany(p => p!["datasets"]!["nodes"]!.AsArray())
            .GroupBy(d => (string)d!["slug"]!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First()!).ToList();
        var citation = cohort["citation"]!;
        Assert.Equal(expected.Select(d => (string)d["slug"]!), citation["datasets"]!.AsArray().Select(s => (string)s!));
        var csl = JsonNode.Parse((string)citation["cslJson"]!)!.AsArray();
        Assert.Equal(expected.Count + 1, csl.Count);
        Assert.Equal("Cited", (string?)csl[0]!["title"]);
        foreach (var (dataset, item) in expected.Zip(csl.Skip(1)))
        {
            Assert.Equal((string?)dataset["slug"], (string?)item!["id"]);
            Assert.Equal((string?)dataset["title"], (string?)item["title"]);
            Assert.Equal((string?)dataset["doi"], (string?)item["DOI"]);
            Assert.Equal((string?)dataset["licence"], (string?)item["license"]);
            Assert.Contains((string)dataset["title"]!, (string)citation["text"]!, StringComparison.Ordinal);
            Assert.Contains($"@misc{{{dataset["slug"]},", (string)citation["bibtex"]!, StringComparison.Ordinal);
            if (dataset["doi"] is { } doi)
            {
                Assert.Contains($"https://doi.org/{doi}", (string)citation["text"]!, StringComparison.Ordinal);
                Assert.Contains($"doi = {{{doi}}}", (string)citation["bibtex"]!, StringComparison.Ordinal);
            }
        }

        Assert.Contains(expected, d => d["doi"] is not null);
        Assert.Contains(expected, d => d["licence"] is not null);
    }

    private static void AddPatient(ChangeSet changes, string dataset, string pseudonym, string study)
    {
        var series = study + ".1";
        changes.Add(NodeRecord.Of(GraphModel.Patient, pseudonym, ("sex", "F")));
        changes.Add(NodeRecord.Of(GraphModel.Study, study, ("year", 2026L)));
        changes.Add(NodeRecord.Of(GraphModel.Series, series, ("modality", "MR"), ("sizeBytes", 1000L)));
        changes.Add(EdgeRecord.Of(GraphModel.Relation("INCLUDES", "Dataset", "Patient")!, dataset, pseudonym));
        changes.Add(EdgeRecord.Of(GraphModel.Relation("HAS_STUDY", "Patient", "Study")!, pseudonym, study));
        changes.Add(EdgeRecord.Of(GraphModel.Relation("HAS_SERIES", "Study", "Series")!, study, series));
    }

    private static string DiffQuery(string a, string b) => $$"""
        { cohortDiff(a: "{{a}}", b: "{{b}}") {
            patientsAdded { ...P } patientsRemoved { ...P } seriesAdded { ...S } seriesRemoved { ...S } } }
        fragment C on ProtectedCount { value readable restricted exact text }
        fragment P on CohortPatientChange { count { ...C } readableCount nodes(first: 1000) { pseudonym } }
        fragment S on CohortSeriesChange { count { ...C } readableCount nodes(first: 1000) { seriesInstanceUid } }
        """;

    private static List<string> Keys(JsonNode cohort, string connection, string key) =>
        cohort[connection]!["nodes"]!.AsArray().Select(n => (string)n![key]!).Order(StringComparer.Ordinal).ToList();

    private static List<string> Listed(JsonNode diff, string change, string key) =>
        diff[change]!["nodes"]!.AsArray().Select(n => (string)n![key]!).Order(StringComparer.Ordinal).ToList();

    private async Task<string> OwnerIdAsync(string caller) =>
        (string)(await DataAsync(caller, """mutation { saveCohort(input: { name: "whoami", criteria: {} }) { owner } }"""))["saveCohort"]!["owner"]!;

    private async Task<string> SaveAsync(string caller, string name, string criteria, string? visibility) =>
        (string)(await DataAsync(caller, $$"""
            mutation { saveCohort(input: { name: "{{name}}", criteria: {{criteria}}{{(visibility is null ? "" : ", visibility: " + visibility)}} }) { cohortId } }
            """))["saveCohort"]!["cohortId"]!;

    private async Task<JsonObject> PostAsync(string caller, string query)
    {
        using var client = _service.CreateClient();
        if (_keys[caller] is { } key)
            client.DefaultRequestHeaders.Add(TestKeys.Header, key);
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<JsonObject> DataAsync(string caller, string query)
    {
        var body = await PostAsync(caller, query);
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!.AsObject();
    }
}
