using System.Text.Json.Nodes;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Security;

partial class AccessMatrixTests
{
    [Fact]
    public async Task CohortPreview_Anonymous_ReadablePartExactRestPartProtected()
    {
        const string criteria = """{ series: { modality: { in: ["MR", "CT"] } } }""";
        var query = $$"""
            { cohortPreview(criteria: {{criteria}}) {
                patients { {{Count}} } studies { {{Count}} } series { {{Count}} } datasets { {{Count}} } repositories { {{Count}} }
                patientFacets(fields: ["sex", "datasets.slug"], limit: 100) { field values { value count { {{Count}} } } } } }
            """;
        var exact = (await PostAsync("admin", query))["data"]!["cohortPreview"]!;
        var anonymous = (await PostAsync("anonymous", query))["data"]!["cohortPreview"]!;
        var readable = await PostAsync("anonymous", $$"""{ patients(where: { series: { some: { modality: { in: ["MR", "CT"] } } } }) { totalCount } }""");
        Assert.Equal((int)readable["data"]!["patients"]!["totalCount"]!, (int)anonymous["patients"]!["readable"]!);
        foreach (var level in new[] { "patients", "studies", "series" })
            AssertProtected((int)exact[level]!["value"]!, anonymous[level]!, level == "patients" ? 1 : 15);
        var hidden = 0;
        foreach (var (facetExact, facetAnonymous) in exact["patientFacets"]!.AsArray().Zip(anonymous["patientFacets"]!.AsArray()))
        {
            var listed = facetAnonymous!["values"]!.AsArray().ToDictionary(v => (string)v!["value"]!, v => v!["count"]!);
            foreach (var value in facetExact!["values"]!.AsArray())
            {
                var count = (int)value!["count"]!["value"]!;
                if (listed.TryGetValue((string)value["value"]!, out var shown))
                    AssertProtected(count, shown, 1);
                else
                    hidden++;
            }
        }

        // Values counted only from restricted records, from fewer than 5 patients, are not even named.
        Assert.True(hidden > 0, "Some facet value of restricted records should be withheld from an anonymous caller.");
        Assert.Equal(anonymous["patientFacets"]![1]!["values"]!.AsArray().Count, (int)anonymous["datasets"]!["value"]!);
    }

    /// <summary>crossTab for each role: the readable part of each cell is what that role's own connection lists; exact for callers who read everything.</summary>
    [Fact]
    public async Task CrossTab_EachRole_ReadablePartIsWhatTheRoleLists()
    {
        foreach (var role in Roles.Append("granted"))
        {
            var body = await PostAsync(role, """{ crossTab(rows: "sex", columns: "series.modality") { cells { value total { readable exact } columns { values { value count { readable exact } } } } } }""");
            Assert.Empty(Responses.Codes(body));
            var row = body["data"]!["crossTab"]!["cells"]!.AsArray().First(r => (string?)r!["value"] == "F")!;
            var women = await PostAsync(role, """{ patients(where: { sex: { eq: "F" } }) { totalCount } }""");
            Assert.Equal((int)women["data"]!["patients"]!["totalCount"]!, (int)row["total"]!["readable"]!);
            Assert.Equal(role is "curator" or "admin", (bool)row["total"]!["exact"]!);
            var cell = row["columns"]!["values"]!.AsArray().First(v => (string)v!["value"]! == "MR")!;
            var mr = await PostAsync(role, """{ patients(where: { sex: { eq: "F" }, series: { some: { modality: { eq: "MR" } } } }) { totalCount } }""");
            Assert.Equal((int)mr["data"]!["patients"]!["totalCount"]!, (int)cell["count"]!["readable"]!);
        }
    }

    /// <summary>GET /export for each role: the rows are exactly those the role's connection lists.</summary>
    [Fact]
    public async Task Export_EachRole_RowsAreWhatTheRoleLists()
    {
        foreach (var role in Roles.Append("granted"))
        {
            using var client = _keys[role] is { } key ? service.CreateClient(key) : service.CreateAnonymousClient();
            var csv = await client.GetStringAsync(new Uri($"/export?path=patients&document={Uri.EscapeDataString("{ patients { nodes { pseudonym } } }")}", UriKind.Relative));
            var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Order(StringComparer.Ordinal).ToList();
            var listed = await PostAsync(role, "{ patients(first: 1000) { nodes { pseudonym } } }");
            Assert.Equal(listed["data"]!["patients"]!["nodes"]!.AsArray().Select(n => (string)n!["pseudonym"]!).Order(StringComparer.Ordinal), rows);
        }
    }

    [Fact]
    public async Task CatalogueStatistics_Anonymous_PatientLevelCountsProtectedCatalogueLevelExact()
    {
        var query = $$"""{ catalogueStatistics { patients { {{Count}} } series { {{Count}} } datasets } }""";
        var exact = (await PostAsync("admin", query))["data"]!["catalogueStatistics"]!;
        var anonymous = (await PostAsync("anonymous", query))["data"]!["catalogueStatistics"]!;
        AssertProtected((int)exact["patients"]!["value"]!, anonymous["patients"]!, 1);
        AssertProtected((int)exact["series"]!["value"]!, anonymous["series"]!, 15);
        Assert.True((bool)exact["patients"]!["exact"]!);
        Assert.Equal((int)exact["datasets"]!, (int)anonymous["datasets"]!);
    }

    [Fact]
    public async Task Manifest_EachRole_ListsOnlyReadableSeries()
    {
        var saved = await PostAsync("admin", """mutation { saveCohort(input: { name: "everyone", criteria: {} }) { cohortId selection { series { value } } } }""");
        var id = (string)saved["data"]!["saveCohort"]!["cohortId"]!;
        var all = (int)saved["data"]!["saveCohort"]!["selection"]!["series"]!["value"]!;
        var admin = await ManifestRowsAsync("admin", id);
        Assert.Equal(all, admin.Count);

        // A cohort is its owner's (and curators' and admins'): an anonymous caller finds none (issue 16, point 5).
        using (var anonymous = Client("anonymous"))
            Assert.Equal(404, (int)(await anonymous.GetAsync(new Uri($"/cohorts/{id}/manifest?format=csv", UriKind.Relative))).StatusCode);

        var own = (string)(await PostAsync("researcher", """mutation { saveCohort(input: { name: "everyone I may read", criteria: {} }) { cohortId } }"""))["data"]!["saveCohort"]!["cohortId"]!;
        var researcher = await ManifestRowsAsync("researcher", own);
        Assert.NotEmpty(researcher);
        Assert.True(researcher.Count < all);
        var readable = _patients.Where(p => p.Datasets.Any(d => Readable("researcher", d.Slug, d.Tier))).Select(p => p.Pseudonym).ToHashSet();
        Assert.All(researcher, row => Assert.Contains(row[2], readable));
    }

    private async Task<List<string[]>> ManifestRowsAsync(string role, string cohort)
    {
        using var client = Client(role);
        var text = await client.GetStringAsync(new Uri($"/cohorts/{cohort}/manifest?format=csv", UriKind.Relative));
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
    }

    private const string Count = "value readable restricted exact";

    // A protected count: withheld only when the unreadable part is small, otherwise a multiple of 5 near the truth (noise of a few patients,
    // each worth about recordsPerPatient records).
    private static void AssertProtected(int exact, JsonNode shown, int recordsPerPatient)
    {
        var readable = (int)shown["readable"]!;
        Assert.False((bool)shown["exact"]!);
        Assert.InRange(readable, 0, exact);
        if (shown["restricted"] is not { } restricted)
        {
            Assert.InRange(exact - readable, 0, 15 * recordsPerPatient);
            return;
        }

        Assert.Equal(0, (int)restricted % 5);
        Assert.InRange((int)restricted, 5, int.MaxValue);
        Assert.InRange((int)shown["value"]!, exact - Math.Max(15 * recordsPerPatient, exact / 10), exact + Math.Max(15 * recordsPerPatient, exact / 10));
    }
}
