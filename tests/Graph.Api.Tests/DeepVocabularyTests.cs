using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Graph.Api.Tests;

/// <summary>The seed vocabulary where clinicians and radiologists search: ICD-O-3 glioma subtypes, RadLex anatomy and modalities, unknown CURIEs.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class DeepVocabularyTests(CatalogueFactory service)
{
    [Fact]
    public async Task Glioma_WithNarrower_FindsEveryGliomaTypeDiagnosis()
    {
        var data = await service.DataAsync("""
            {
              all: diagnoses { facets(fields: ["icdO3Morphology"], limit: 500) { values { value count } other } }
              glioma: diagnoses(where: { icdO3Morphology: { concept: { curie: "ICDO3:9380/3", includeNarrower: true } } }) { totalCount }
              ncit: diagnoses(where: { icdO3Morphology: { concept: { curie: "NCIT:C3059", includeNarrower: true } } }) { totalCount }
            }
            """);

        // ICD-O-3 groups morphology 938 to 948 as gliomas: a curator would call every such diagnosis a glioma.
        var facet = data["all"]!["facets"]![0]!;
        Assert.Equal(0, (int)facet["other"]!);
        var gliomaTypes = facet["values"]!.AsArray()
            .Where(v => int.TryParse(((string)v!["value"]!)[..3], out var block) && block is >= 938 and <= 948)
            .ToDictionary(v => (string)v!["value"]!, v => (int)v!["count"]!);
        Assert.Contains("9400/3", gliomaTypes.Keys);
        Assert.Contains("9450/3", gliomaTypes.Keys);
        Assert.Contains("9440/3", gliomaTypes.Keys);
        Assert.Equal(gliomaTypes.Values.Sum(), (int)data["glioma"]!["totalCount"]!);
        Assert.Equal(gliomaTypes.Values.Sum(), (int)data["ncit"]!["totalCount"]!);
    }

    [Fact]
    public async Task ConceptSearch_Astrocytoma_FindsTheIcdO3Subtypes()
    {
        var data = await service.DataAsync("""
            {
              astrocytoma: conceptSearch(text: "astrocytoma") { curie label broader { nodes { curie } } }
              oligo: conceptSearch(text: "oligodendroglioma", systems: ["ICDO3"]) { curie }
            }
            """);

        var astrocytoma = data["astrocytoma"]!.AsArray();
        Assert.Equal("ICDO3:9400/3", (string?)astrocytoma[0]!["curie"]);
        Assert.Equal("ICDO3:9380/3", (string?)astrocytoma[0]!["broader"]!["nodes"]![0]!["curie"]);
        Assert.Contains(astrocytoma, c => (string?)c!["curie"] == "ICDO3:9401/3");
        Assert.Contains(data["oligo"]!.AsArray(), c => (string?)c!["curie"] == "ICDO3:9450/3");
    }

    [Fact]
    public async Task RadLex_BodyPartAndModalityFilters_WorkOnSeries()
    {
        var data = await service.DataAsync("""
            {
              brain: series(where: { bodyPart: { concept: { curie: "RADLEX:RID6434" } } }) { totalCount }
              brainField: series(where: { bodyPart: { eq: "BRAIN" } }) { totalCount }
              chest: series(where: { bodyPart: { concept: { curie: "RADLEX:RID1243" } } }) { totalCount }
              chestField: series(where: { bodyPart: { eq: "CHEST" } }) { totalCount }
              mri: series(where: { modality: { concept: { curie: "RADLEX:RID10312" } } }) { totalCount }
              mr: series(where: { modality: { eq: "MR" } }) { totalCount }
              linked: series(where: { concepts: { some: { curie: { concept: { curie: "RADLEX:RID1301" } } } } }) { totalCount }
              lung: series(where: { bodyPart: { eq: "LUNG" } }) { totalCount }
            }
            """);

        Assert.True((int)data["brainField"]!["totalCount"]! > 0);
        Assert.Equal((int)data["brainField"]!["totalCount"]!, (int)data["brain"]!["totalCount"]!);
        Assert.Equal((int)data["chestField"]!["totalCount"]!, (int)data["chest"]!["totalCount"]!);
        Assert.Equal((int)data["mr"]!["totalCount"]!, (int)data["mri"]!["totalCount"]!);
        Assert.Equal((int)data["lung"]!["totalCount"]!, (int)data["linked"]!["totalCount"]!);
    }

    [Theory]
    [InlineData("RADLEX:RID999999999")]
    [InlineData("NCIT:C0")]
    public async Task ConceptFilter_UnknownCurie_IsCodedErrorNamingIt(string curie)
    {
        var body = await service.PostAsync("""
            query($curie: String!) { series(where: { bodyPart: { concept: { curie: $curie } } }) { totalCount } }
            """, new { curie });

        var error = body["errors"]![0]!;
        Assert.Equal("UNKNOWN_CONCEPT", (string?)error["extensions"]!["code"]);
        Assert.Contains(curie, (string)error["message"]!, StringComparison.Ordinal);
    }

    // Every way in to a filter checks its concepts: a nested connection (filtered once for all parents), cohort criteria in a
    // preview, a cross-tab and a saved cohort; none answers an unknown CURIE with a silent zero.
    [Theory]
    [InlineData("query($curie: String!) { datasets(first: 2) { nodes { series(where: { bodyPart: { concept: { curie: $curie } } }) { totalCount } } } }")]
    [InlineData("query($curie: String!) { cohortPreview(criteria: { series: { bodyPart: { concept: { curie: $curie } } } }) { series { value } } }")]
    [InlineData("query($curie: String!) { crossTab(rows: \"sex\", columns: \"cancerTypes.code\", where: { series: { bodyPart: { concept: { curie: $curie } } } }) { rows } }")]
    [InlineData("mutation($curie: String!) { saveCohort(input: { name: \"x\", criteria: { series: { bodyPart: { concept: { curie: $curie } } } } }) { cohortId } }")]
    public async Task ConceptFilter_UnknownCurie_IsRefusedWhereverCriteriaEnter(string document)
    {
        var body = await service.PostAsync(document, new { curie = "RADLEX:RID999999999" });

        var error = body["errors"]![0]!;
        Assert.Equal("UNKNOWN_CONCEPT", (string?)error["extensions"]!["code"]);
        Assert.Contains("RADLEX:RID999999999", (string)error["message"]!, StringComparison.Ordinal);
    }

    // A signed-out visitor sends the same criteria: refused the same way, in the visitor's view of the catalogue.
    [Theory]
    [InlineData("{ series(where: { bodyPart: { concept: { curie: \"RADLEX:RID999999999\" } } }) { totalCount } }")]
    [InlineData("{ cohortPreview(criteria: { series: { bodyPart: { concept: { curie: \"RADLEX:RID999999999\" } } } }) { series { value } } }")]
    [InlineData("{ crossTab(rows: \"sex\", columns: \"cancerTypes.code\", where: { series: { bodyPart: { concept: { curie: \"RADLEX:RID999999999\" } } } }) { rows } }")]
    public async Task ConceptFilter_UnknownCurieFromASignedOutVisitor_IsRefusedToo(string document)
    {
        using var client = service.CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = document });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var error = body["errors"]![0]!;
        Assert.Equal("UNKNOWN_CONCEPT", (string?)error["extensions"]!["code"]);
        Assert.Contains("RADLEX:RID999999999", (string)error["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConceptFilter_IcdSubcategoryOfKnownCategory_IsAccepted()
    {
        var data = await service.DataAsync("""{ diagnoses(where: { icd10: { concept: { curie: "ICD10:C50.4" } } }) { totalCount } }""");

        Assert.True((int)data["diagnoses"]!["totalCount"]! > 0);
    }
}
