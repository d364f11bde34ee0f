using System.Net;
using System.Text.Json.Nodes;

namespace Graph.Api.Tests;

/// <summary>Cohort preview, saving, drift, comparison and manifests.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class CohortTests(CatalogueFactory service)
{
    private const string ProstateMr = """{ patients: { cancerTypes: { some: { code: { eq: "prostate" } } } }, series: { modality: { eq: "MR" } } }""";

    [Fact]
    public async Task Preview_CountsEveryLevel_ConsistentWithConnections()
    {
        var data = await service.DataAsync($$"""
            {
              cohortPreview(criteria: {{ProstateMr}}) {
                patients { value } studies { value } series { value } datasets { value } repositories { value } totalBytes { value } catalogueVersion
                patientFacets { field values { value count { value } } }
                seriesFacets(fields: ["modality"]) { values { value count { value } } }
              }
              patients(where: { cancerTypes: { some: { code: { eq: "prostate" } } }, series: { some: { modality: { eq: "MR" } } } }) { totalCount }
            }
            """);
        var preview = data["cohortPreview"]!;
        Assert.True((int)preview["patients"]!["value"]! > 0);
        Assert.Equal((int)data["patients"]!["totalCount"]!, (int)preview["patients"]!["value"]!);
        Assert.True((int)preview["series"]!["value"]! >= (int)preview["studies"]!["value"]!);
        Assert.True((long)preview["totalBytes"]!["value"]! > 0);
        var modalities = preview["seriesFacets"]![0]!["values"]!.AsArray();
        Assert.Equal("MR", (string?)Assert.Single(modalities)!["value"]);
        Assert.Equal((int)preview["series"]!["value"]!, (int)modalities[0]!["count"]!["value"]!);
    }

    [Fact]
    public async Task SaveCohort_ThenManifestDriftAndCompare()
    {
        var saved = (await service.DataAsync($$"""
            mutation { saveCohort(input: { name: "Prostate MR", description: "test", criteria: {{ProstateMr}} }) {
              cohortId name catalogueVersion patients { totalCount } manifestUrl drift { added { value } removed { value } savedPatients { value } currentPatients { value } }
              selection { patients { value } series { value } } } }
            """))["saveCohort"]!;
        var id = (string)saved["cohortId"]!;
        Assert.Equal("Prostate MR", (string?)saved["name"]);
        Assert.Equal((int)saved["selection"]!["patients"]!["value"]!, (int)saved["patients"]!["totalCount"]!);
        Assert.Equal(0, (int)saved["drift"]!["added"]!["value"]!);
        Assert.Equal(0, (int)saved["drift"]!["removed"]!["value"]!);

        using var client = service.CreateClient();
        var csv = await client.GetStringAsync(new Uri((string)saved["manifestUrl"]!, UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "seriesInstanceUid,studyInstanceUid,patientPseudonym,dataset,repository,modality,retrieveUrl,imageCount,sizeBytes,"
            + "bodyPart,manufacturer,model,sliceThickness,pixelSpacing,contrast,magneticFieldStrength,kvp,year",
            lines[0]);
        Assert.Equal((int)saved["selection"]!["series"]!["value"]!, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(",MR,", l, StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Contains("/studies/", l, StringComparison.Ordinal));

        var json = JsonNode.Parse(await client.GetStringAsync(new Uri($"/cohorts/{id}/manifest?format=json", UriKind.Relative)))!.AsArray();
        Assert.Equal(lines.Length - 1, json.Count);
        Assert.True((long)json[0]!["sizeBytes"]! > 0);

        // The series attributes a modeller filters on, typed in JSON and equal to what GraphQL says of the same series.
        var uid = (string)json[0]!["seriesInstanceUid"]!;
        var series = (await service.DataAsync($$"""{ seriesByKey(key: "{{uid}}") { bodyPart manufacturer model sliceThickness magneticFieldStrength year } }"""))["seriesByKey"]!;
        foreach (var field in new[] { "bodyPart", "manufacturer", "model" })
            Assert.Equal((string?)series[field], (string?)json[0]![field]);
        foreach (var field in new[] { "sliceThickness", "magneticFieldStrength", "year" })
            Assert.Equal((double?)series[field], (double?)json[0]![field]);
        Assert.Contains(json, row => row!["sliceThickness"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number);
        Assert.Contains(json, row => row!["year"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/cohorts/no-such/manifest", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/cohorts/{id}/manifest?format=xml", UriKind.Relative))).StatusCode);

        var other = (string)(await service.DataAsync("""
            mutation { saveCohort(input: { name: "All prostate", criteria: { patients: { cancerTypes: { some: { code: { eq: "prostate" } } } } } }) { cohortId } }
            """))["saveCohort"]!["cohortId"]!;
        var comparison = (await service.DataAsync($$"""{ compareCohorts(a: "{{id}}", b: "{{other}}") { onlyA { value } onlyB { value } both { value } jaccard facets(fields: ["sex"]) { field a { values { value count { value } } } b { values { value count { value } } } } } }"""))["compareCohorts"]!;
        Assert.Equal(0, (int)comparison["onlyA"]!["value"]!);
        Assert.Equal((int)saved["patients"]!["totalCount"]!, (int)comparison["both"]!["value"]!);
        Assert.True((int)comparison["onlyB"]!["value"]! >= 0);
        Assert.Equal("sex", (string?)comparison["facets"]![0]!["field"]);
    }

    [Fact]
    public async Task SaveCohort_EmptyName_IsBadUserInput()
    {
        var body = await service.PostAsync("""mutation { saveCohort(input: { name: " ", criteria: {} }) { cohortId } }""");
        Assert.Equal("BAD_USER_INPUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    /// <summary>Review, low: a PUBLIC cohort named "Spoof" + U+202E + "gnp.exe" was shown to others as "Spoofexe.png". Names that
    /// reorder the text around them are refused, naming the rule.</summary>
    [Theory]
    [InlineData("Spoof\u202Egnp.exe")]
    [InlineData("a\u2066b\u2069")]
    public async Task SaveCohort_NameWithBidirectionalOverride_IsBadUserInput(string name)
    {
        var body = await service.PostAsync("""mutation($name: String!) { saveCohort(input: { name: $name, visibility: PUBLIC, criteria: {} }) { cohortId } }""", new { name });
        Assert.Equal("BAD_USER_INPUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("bidirectional override", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareCohorts_Unknown_IsNotFound()
    {
        var body = await service.PostAsync("""{ compareCohorts(a: "x", b: "y") { both { value } } }""");
        Assert.Equal("NOT_FOUND", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }
}
