using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Catalog;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests;

/// <summary>importVocabulary: a partner's own hierarchy of codes, mapped to the catalogue's, found by searches with includeNarrower; on a demo catalogue of its own (the tests write concepts).</summary>
public sealed class VocabularyTests(CatalogueFactory service) : IClassFixture<CatalogueFactory>
{
    private const string Import = """
        mutation Import($text: String!, $format: VocabularyFormat, $partial: Boolean) {
          importVocabulary(text: $text, format: $format, partial: $partial) {
            rows applied created updated unchanged broaderAdded broaderRemoved changed
            rejected { line column reason }
            warnings { line column reason }
          }
        }
        """;

    private const string Local = "# A hospital's local tumour codes.\ncurie\tlabel\tsynonyms\tbroader\n"
        + "LOCAL:GLIOMA\tGlioma (local)\tGlial tumour\t\n"
        + "LOCAL:GBM\tGlioblastoma (local)\tGBM|Grade 4 glioma\tLOCAL:GLIOMA\n";

    // One partner per test: a partner changes only the concepts it created.
    private string? _partner;

    private async Task<JsonObject> PostAsPartnerAsync(string query, object? variables = null)
    {
        _partner ??= await TestKeys.CreateAsync(service.DataDirectory, "partner");
        using var client = service.CreateClient(_partner);
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<JsonNode> ImportAsync(string text, string format = "TSV", bool partial = false)
    {
        var body = await PostAsPartnerAsync(Import, new { text, format, partial });
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!["importVocabulary"]!;
    }

    private static int Total(JsonObject data, string name) => (int)data[name]!["totalCount"]!;

    [Fact]
    public async Task ImportVocabularyAndMapping_AsPartner_NarrowerSearchOnTheLocalGliomaFindsTheGlioblastomaPatients()
    {
        var result = await ImportAsync(Local);
        Assert.Equal((2, 2, 1, true), ((int)result["applied"]!, (int)result["created"]!, (int)result["broaderAdded"]!, (bool)result["changed"]!));
        var link = await PostAsPartnerAsync("""mutation { linkConcepts(input: { subject: "LOCAL:GBM", predicate: "skos:exactMatch", object: "ICDO3:9440/3" }) { predicate } }""");
        Assert.True(link["errors"] is null, link.ToJsonString());

        var data = await service.DataAsync("""
            {
              localNarrower: patients(where: { diagnoses: { some: { icdO3Morphology: { concept: { curie: "LOCAL:GLIOMA", includeNarrower: true } } } } }) { totalCount }
              localExact: patients(where: { diagnoses: { some: { icdO3Morphology: { concept: { curie: "LOCAL:GLIOMA" } } } } }) { totalCount }
              icdo3: patients(where: { diagnoses: { some: { icdO3Morphology: { concept: { curie: "ICDO3:9440/3" } } } } }) { totalCount }
              plain: patients(where: { diagnoses: { some: { icdO3Morphology: { eq: "9440/3" } } } }) { totalCount }
              diagnosesNarrower: diagnoses(where: { icdO3Morphology: { concept: { curie: "LOCAL:GLIOMA", includeNarrower: true } } }) { totalCount }
              diagnosesPlain: diagnoses(where: { icdO3Morphology: { eq: "9440/3" } }) { totalCount }
              typesNarrower: patients(where: { cancerTypes: { some: { concepts: { some: { curie: { concept: { curie: "LOCAL:GLIOMA", includeNarrower: true } } } } } } }) { totalCount }
              glioblastoma: patients(where: { cancerTypes: { some: { code: { eq: "glioblastoma" } } } }) { totalCount }
              concept: concepts(where: { curie: { eq: "LOCAL:GBM" } }) { nodes { label synonyms broader { nodes { curie } } } }
            }
            """);
        Assert.True(Total(data, "plain") > 0, "the demo catalogue has glioblastoma diagnoses");
        Assert.Equal(Total(data, "icdo3"), Total(data, "localNarrower"));
        Assert.Equal(Total(data, "plain"), Total(data, "localNarrower"));
        Assert.Equal(0, Total(data, "localExact"));
        Assert.Equal(Total(data, "diagnosesPlain"), Total(data, "diagnosesNarrower"));
        Assert.Equal(Total(data, "glioblastoma"), Total(data, "typesNarrower"));
        var gbm = data["concept"]!["nodes"]![0]!;
        Assert.Equal("Glioblastoma (local)", (string?)gbm["label"]);
        Assert.Equal("LOCAL:GLIOMA", (string?)gbm["broader"]!["nodes"]![0]!["curie"]);
    }

    [Fact]
    public async Task ImportVocabulary_SameTextTwice_SecondChangesNothing()
    {
        var text = Local.Replace("LOCAL:", "TWICE:", StringComparison.Ordinal);
        var first = await ImportAsync(text);
        Assert.True((bool)first["changed"]!);
        var version = service.Services.GetRequiredService<CatalogIndex>().Current.Sequence;
        var second = await ImportAsync(text);
        Assert.Equal((0, 0, 2, false), ((int)second["created"]!, (int)second["updated"]!, (int)second["unchanged"]!, (bool)second["changed"]!));
        Assert.Equal(version, service.Services.GetRequiredService<CatalogIndex>().Current.Sequence);
    }

    [Fact]
    public async Task ImportVocabulary_BadRows_ReportsLinesAndAppliesNothingUnlessPartial()
    {
        const string text = """
            [
              { "curie": "BAD:PARENT", "label": "Parent" },
              { "curie": "BAD:CHILD", "label": "Child", "broader": ["BAD:NOWHERE"] },
              { "curie": "BAD:PARENT", "label": "Parent again" }
            ]
            """;
        var whole = await ImportAsync(text, "JSON");
        Assert.Equal((0, 0), ((int)whole["applied"]!, (int)whole["created"]!));
        Assert.Equal(
            [(3, "broader", "broader 'BAD:NOWHERE' is neither a concept of this file nor of the catalogue"), (4, "curie", "curie 'BAD:PARENT' repeats line 2: a file gives each concept once")],
            whole["rejected"]!.AsArray().Select(r => ((int)r!["line"]!, (string)r["column"]!, (string)r["reason"]!)));
        Assert.Equal(0, (int)(await service.DataAsync("""{ concepts(where: { curie: { startsWith: "BAD:" } }) { totalCount } }"""))["concepts"]!["totalCount"]!);

        var partial = await ImportAsync(text, "JSON", partial: true);
        Assert.Equal((1, 1, 2), ((int)partial["applied"]!, (int)partial["created"]!, partial["rejected"]!.AsArray().Count));
    }

    [Fact]
    public async Task ImportVocabulary_UnreadableText_IsABadUserInputError()
    {
        var body = await PostAsPartnerAsync(Import, new { text = "curie\tsystem\nLOCAL:A\tLocal\n" });
        Assert.Equal("BAD_USER_INPUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("the header row has no 'label' column", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }
}
