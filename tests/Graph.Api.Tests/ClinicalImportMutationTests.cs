using System.Text.Json.Nodes;

namespace Graph.Api.Tests;

/// <summary>importClinical over GraphQL: records applied whole and visible in queries, bad ones reported with line and column, idempotent.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class ClinicalImportMutationTests(CatalogueFactory service)
{
    private const string Mutation = """
        mutation Import($content: String!) {
          importClinical(content: $content) { records applied rejected warnings nodesChanged relationshipsChanged catalogueVersion problems { line column severity reason } }
        }
        """;

    [Fact]
    public async Task ImportClinical_Csv_AppliesGoodRecordsReportsBadOnes_AndAgainChangesNothing()
    {
        var patients = await service.DataAsync("""{ patients(first: 1, where: { cancerTypes: { some: { code: { eq: "breast" } } } }) { nodes { pseudonym } } }""");
        var pseudonym = (string)patients["patients"]!["nodes"]![0]!["pseudonym"]!;
        var content = $"""
            pseudonym,diagnosis,icd10,icdO3Morphology,stage,er,her2,ki67
            {pseudonym},7,C50.4,8500/3,IIA,positive,negative,18
            SYN-NOBODY-000001,1,C50.4,,,,,
            {pseudonym},8,C50.4,8500/3,IIZ,positive,negative,18
            """;

        var first = (await service.DataAsync(Mutation, new { content }))["importClinical"]!;
        var again = (await service.DataAsync(Mutation, new { content }))["importClinical"]!;

        Assert.Equal((3, 1, 2), ((int)first["records"]!, (int)first["applied"]!, (int)first["rejected"]!));
        var problems = first["problems"]!.AsArray().Where(p => (string)p!["severity"]! == "rejected").Select(p => ((int)p!["line"]!, (string)p["column"]!)).ToList();
        Assert.Equal([(3, "pseudonym"), (4, "stage")], problems);
        Assert.Equal((0, 0), ((int)again["nodesChanged"]!, (int)again["relationshipsChanged"]!));
        Assert.Equal((long)first["catalogueVersion"]!, (long)again["catalogueVersion"]!);

        var diagnosis = await service.DataAsync("""
            query($key: String!) { diagnosisByKey(key: $key) { icd10 stage er ki67 cancerType { code } patient { pseudonym } } }
            """, new { key = $"{pseudonym}/7" });
        var d = diagnosis["diagnosisByKey"]!;
        Assert.Equal(("C50.4", "IIA", "positive", 18.0), ((string)d["icd10"]!, (string)d["stage"]!, (string)d["er"]!, (double)d["ki67"]!));
        Assert.Equal("breast", (string)d["cancerType"]!["code"]!);
        Assert.Equal(pseudonym, (string)d["patient"]!["pseudonym"]!);
    }

    [Fact]
    public async Task ImportClinical_UnknownFormat_IsBadUserInput()
    {
        var body = await service.PostAsync("""mutation { importClinical(content: "x", format: "xml") { records } }""");

        Assert.Equal("BAD_USER_INPUT", (string)body["errors"]![0]!["extensions"]!["code"]!);
        Assert.Contains("'xml'", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("pseudonym,\"diag\"nosis,stage\nSYN-CHM01-000009,5,IIA\n", "line 1: the header row cannot be read")]
    [InlineData("pseudonymx,foo\n", "line 1: the header row has no 'pseudonym' column")]
    [InlineData("pseudonym;diagnosis;stage\nSYN-CHM01-000009;5;IIA\n", "line 1: the header row 'pseudonym;diagnosis;stage' looks semicolon-separated")]
    public async Task ImportClinical_ContentRefusedAsAWhole_IsBadUserInput(string content, string reason)
    {
        // Regression: a refused file came back as records 0, rejected 0, as if there were nothing to import.
        var body = await service.PostAsync("mutation($content: String!) { importClinical(content: $content) { records rejected } }", new { content });

        Assert.Equal("BAD_USER_INPUT", (string)body["errors"]![0]!["extensions"]!["code"]!);
        Assert.Contains(reason, (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportClinical_JsonWithNaN_IsBadUserInputNamingLineAndColumn_AndAppliesNothing()
    {
        // Regression: the record with NaN was rejected and every record after it silently dropped; the one before was applied.
        var content = """
            [
              {"pseudonym": "SYN-CHM01-000001", "diagnosis": 31, "stage": "IIA"},
              {"pseudonym": "SYN-CHM01-000001", "diagnosis": 32, "psa": NaN},
              {"pseudonym": "SYN-CHM01-000001", "diagnosis": 33, "stage": "IIB"}
            ]
            """;

        var body = await service.PostAsync("mutation($content: String!) { importClinical(content: $content) { records rejected } }", new { content });

        Assert.Equal("BAD_USER_INPUT", (string)body["errors"]![0]!["extensions"]!["code"]!);
        Assert.Equal(
            "The content cannot be read as a whole: line 3: the file is not valid JSON at column 61: 'N' is an invalid start of a value. Nothing was applied.",
            (string)body["errors"]![0]!["message"]!);
        var diagnosis = await service.DataAsync("""{ diagnosisByKey(key: "SYN-CHM01-000001/31") { stage } }""");
        Assert.Null(diagnosis["diagnosisByKey"]);
    }

    [Fact]
    public async Task ImportClinical_WrongIdentifierInPseudonymColumn_ProblemsDoNotRepeatIt()
    {
        // Regression: the problems said "no patient 'Smith^John 19580723' in the catalogue".
        var body = await service.PostAsync(Mutation, new { content = "pseudonym,diagnosis\nSmith^John 19580723,1\n" });

        var problem = body["data"]!["importClinical"]!["problems"]![0]!;
        Assert.Equal((2, "pseudonym", "rejected"), ((int)problem["line"]!, (string)problem["column"]!, (string)problem["severity"]!));
        Assert.StartsWith("the value is not a pseudonym of the catalogue", (string)problem["reason"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("Smith", body.ToJsonString(), StringComparison.Ordinal);
    }
}
