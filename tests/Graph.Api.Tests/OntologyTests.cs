using System.Text.Json.Nodes;

namespace Graph.Api.Tests;

/// <summary>Ontology-aware search, concept search, mappings by mutation and SSSOM, on a demo catalogue of its own (the tests write mappings).</summary>
public sealed class OntologyTests(CatalogueFactory service) : IClassFixture<CatalogueFactory>
{
    private const string PartnerSet = """
        #curie_map:
        #  NCIT: "http://purl.obolibrary.org/obo/NCIT_"
        #  PARTNER: "https://partner.example/onto/"
        #mapping_set_id: "https://partner.example/mappings/brain.sssom.tsv"
        #license: "https://creativecommons.org/licenses/by/4.0/"
        subject_id	subject_label	predicate_id	object_id	object_label	mapping_justification	confidence	author_id	mapping_date
        PARTNER:T1	Tumour 1	skos:exactMatch	NCIT:C3270	Neuroblastoma	semapv:ManualMappingCuration	0.9	orcid:0000-0002-1825-0097	2024-05-31
        PARTNER:T2	Tumour 2	skos:sameAs	NCIT:C3270	Neuroblastoma	semapv:ManualMappingCuration	0.9		2024-05-31
        PARTNER:T3	Tumour 3	skos:exactMatch	NCIT:C3270	Neuroblastoma	semapv:ManualMappingCuration	7		2024-05-31

        """;

    private static int Total(JsonObject data, string name) => (int)data[name]!["totalCount"]!;

    [Fact]
    public async Task Patients_PartnerGliomaCodeWithNarrower_FindsGlioblastomaPatients()
    {
        var link = await service.DataAsync("""
            mutation { linkConcepts(input: { subject: "PARTNER:GLIOMA", subjectLabel: "Glioom", predicate: "skos:exactMatch", object: "NCIT:C3059",
              confidence: 0.9, author: "orcid:0000-0002-1825-0097", date: "2024-05-31" }) {
              subject { curie label system } predicate justification confidence author date object { curie label } } }
            """);
        var mapping = link["linkConcepts"]!;
        Assert.Equal(("PARTNER:GLIOMA", "Glioom", "PARTNER", "exactMatch", "semapv:ManualMappingCuration", "NCIT:C3059"),
            ((string?)mapping["subject"]!["curie"], (string?)mapping["subject"]!["label"], (string?)mapping["subject"]!["system"],
             (string?)mapping["predicate"], (string?)mapping["justification"], (string?)mapping["object"]!["curie"]));

        var data = await service.DataAsync("""
            {
              narrower: patients(where: { cancerTypes: { some: { concepts: { some: { curie: { concept: { curie: "PARTNER:GLIOMA", includeNarrower: true } } } } } } }) { totalCount }
              exact: patients(where: { cancerTypes: { some: { concepts: { some: { curie: { concept: { curie: "PARTNER:GLIOMA" } } } } } } }) { totalCount }
              both: patients(where: { cancerTypes: { some: { code: { in: ["glioma", "glioblastoma"] } } } }) { totalCount }
              glioma: patients(where: { cancerTypes: { some: { code: { eq: "glioma" } } } }) { totalCount }
              glioblastoma: patients(where: { cancerTypes: { some: { code: { eq: "glioblastoma" } } } }) { totalCount }
            }
            """);
        Assert.True(Total(data, "glioblastoma") > 0, "the demo catalogue has glioblastoma patients");
        Assert.Equal(Total(data, "both"), Total(data, "narrower"));
        Assert.Equal(Total(data, "glioma"), Total(data, "exact"));
    }

    [Fact]
    public async Task Series_ConceptOnCodedFields_MatchesThePlainCodes()
    {
        var data = await service.DataAsync("""
            {
              conceptMr: series(where: { modality: { concept: { curie: "DCM:MR" } } }) { totalCount }
              plainMr: series(where: { modality: { eq: "MR" } }) { totalCount }
              snomedProstate: series(where: { bodyPart: { concept: { curie: "SCTID:41216001" } } }) { totalCount }
              plainProstate: series(where: { bodyPart: { eq: "PROSTATE" } }) { totalCount }
              breastCategory: diagnoses(where: { icd10: { concept: { curie: "SCTID:254837009", includeNarrower: true } } }) { totalCount }
              breastCodes: diagnoses(where: { icd10: { startsWith: "C50" } }) { totalCount }
            }
            """);
        Assert.True(Total(data, "plainProstate") > 0);
        Assert.Equal(Total(data, "plainMr"), Total(data, "conceptMr"));
        Assert.Equal(Total(data, "plainProstate"), Total(data, "snomedProstate"));
        Assert.True(Total(data, "breastCodes") > 0);
        Assert.Equal(Total(data, "breastCodes"), Total(data, "breastCategory"));
    }

    [Fact]
    public async Task Series_CodedAsConcepts_FollowModalityAndBodyPartBothWays()
    {
        var data = await service.DataAsync("""
            {
              linked: series(where: { concepts: { some: { curie: { eq: "DCM:MR" } } } }) { totalCount }
              plain: series(where: { modality: { eq: "MR" } }) { totalCount }
              prostateThroughSnomed: series(where: { concepts: { some: { curie: { concept: { curie: "SCTID:41216001" } } } } }) { totalCount }
              prostate: series(where: { bodyPart: { eq: "PROSTATE" } }) { totalCount }
              mr: concepts(where: { curie: { eq: "DCM:MR" } }) { nodes { series { totalCount } } }
              sample: series(first: 3, where: { bodyPart: { eq: "PROSTATE" }, modality: { eq: "MR" } }) { nodes { concepts { nodes { curie system } } } }
            }
            """);
        Assert.True(Total(data, "plain") > 0);
        Assert.Equal(Total(data, "plain"), Total(data, "linked"));
        Assert.Equal(Total(data, "plain"), (int)data["mr"]!["nodes"]![0]!["series"]!["totalCount"]!);
        Assert.True(Total(data, "prostate") > 0);
        Assert.Equal(Total(data, "prostate"), Total(data, "prostateThroughSnomed"));
        var samples = data["sample"]!["nodes"]!.AsArray();
        Assert.Equal(3, samples.Count);
        foreach (var series in samples)
            Assert.Equal(["DCM:MR", "DCMBP:PROSTATE"], series!["concepts"]!["nodes"]!.AsArray().Select(c => (string)c!["curie"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Facets_UnderAConceptCondition_LeaveItOutOfItsOwnField()
    {
        var data = await service.DataAsync("""
            {
              concept: series(where: { modality: { concept: { curie: "DCM:MR" } }, bodyPart: { eq: "PROSTATE" } }) { totalCount facets(fields: ["modality"]) { values { value count } } }
              plain: series(where: { bodyPart: { eq: "PROSTATE" } }) { facets(fields: ["modality"]) { values { value count } } }
            }
            """);
        Assert.Equal(data["plain"]!["facets"]!.ToJsonString(), data["concept"]!["facets"]!.ToJsonString());
    }

    [Fact]
    public async Task Facets_OnCodedFields_CarryTheConceptLabels()
    {
        var data = await service.DataAsync("""{ series { facets(fields: ["modality", "bodyPart"]) { field values { value label } } } }""");
        string? Label(int facet, string value) => (string?)data["series"]!["facets"]![facet]!["values"]!.AsArray().Single(v => (string?)v!["value"] == value)!["label"];
        Assert.Equal("Magnetic Resonance", Label(0, "MR"));
        Assert.Equal("Prostate", Label(1, "PROSTATE"));
    }

    [Fact]
    public async Task Filter_ConceptThatIsNotACurie_IsBadUserInput()
    {
        var body = await service.PostAsync("""{ series(where: { modality: { concept: { curie: "MR" } } }) { totalCount } }""");
        Assert.Equal("BAD_USER_INPUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("'MR' is not a CURIE", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filter_ConceptOnFieldWithoutCodeSystem_IsRejectedByTheSchema()
    {
        var body = await service.PostAsync("""{ series(where: { manufacturer: { concept: { curie: "DCM:MR" } } }) { totalCount } }""");
        Assert.Contains("concept", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task ConceptSearch_ByCodeAndByLabelStart_RanksExactCodesFirst()
    {
        var data = await service.DataAsync("""
            {
              code: conceptSearch(text: "C50") { curie }
              label: conceptSearch(text: "gliobl") { curie label }
              snomed: conceptSearch(text: "prost", systems: ["SCTID"]) { curie system }
            }
            """);
        Assert.Equal("ICD10:C50", (string?)data["code"]![0]!["curie"]);
        Assert.Contains(data["label"]!.AsArray(), c => (string?)c!["curie"] == "NCIT:C3058");
        Assert.All(data["snomed"]!.AsArray(), c => Assert.Equal("SNOMED CT", (string?)c!["system"]));
        Assert.Contains(data["snomed"]!.AsArray(), c => (string?)c!["curie"] == "SCTID:41216001");
    }

    [Fact]
    public async Task ImportMappings_BadRows_AreReportedWithLinesAndNothingIsAppliedUnlessPartial()
    {
        var whole = await service.DataAsync("""mutation($t: String!) { importMappings(sssom: $t) { mappingSetId applied conceptsCreated rejected { line reason } } }""", new { t = PartnerSet });
        var result = whole["importMappings"]!;
        Assert.Equal(0, (int)result["applied"]!);
        Assert.Equal([8, 9], result["rejected"]!.AsArray().Select(r => (int)r!["line"]!));
        Assert.Contains("skos:sameAs", (string?)result["rejected"]![0]!["reason"], StringComparison.Ordinal);
        Assert.Contains("confidence 7", (string?)result["rejected"]![1]!["reason"], StringComparison.Ordinal);
        var none = await service.DataAsync("""{ conceptSearch(text: "PARTNER:T1") { curie } }""");
        Assert.Empty(none["conceptSearch"]!.AsArray());

        var partial = await service.DataAsync("""mutation($t: String!) { importMappings(sssom: $t, partial: true) { applied conceptsCreated rejected { line } } }""", new { t = PartnerSet });
        Assert.Equal((1, 1), ((int)partial["importMappings"]!["applied"]!, (int)partial["importMappings"]!["conceptsCreated"]!));
        var details = await service.DataAsync("""{ conceptSearch(text: "PARTNER:T1") { curie iri mappingDetails { predicate author date confidence object { curie } } } }""");
        var concept = details["conceptSearch"]![0]!;
        Assert.Equal("https://partner.example/onto/T1", (string?)concept["iri"]);
        Assert.Equal(("exactMatch", "orcid:0000-0002-1825-0097", "2024-05-31", 0.9, "NCIT:C3270"),
            ((string?)concept["mappingDetails"]![0]!["predicate"], (string?)concept["mappingDetails"]![0]!["author"], (string?)concept["mappingDetails"]![0]!["date"],
             (double)concept["mappingDetails"]![0]!["confidence"]!, (string?)concept["mappingDetails"]![0]!["object"]!["curie"]));

        var export = await service.DataAsync("{ exportMappings }");
        Assert.Contains("PARTNER:T1\tTumour 1\tskos:exactMatch\tNCIT:C3270\tNeuroblastoma\tsemapv:ManualMappingCuration\t0.9\torcid:0000-0002-1825-0097\t\t2024-05-31",
            (string?)export["exportMappings"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportMappings_UnreadableHeader_IsBadUserInput()
    {
        var body = await service.PostAsync("""mutation { importMappings(sssom: "subject_id\tobject_id\n") { applied } }""");
        Assert.Equal("BAD_USER_INPUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task UnlinkConcepts_RemovesTheMappingOnce()
    {
        await service.DataAsync("""mutation { linkConcepts(input: { subject: "PARTNER:X", predicate: "closeMatch", object: "NCIT:C4872" }) { predicate } }""");
        const string Unlink = """mutation { unlinkConcepts(subject: "PARTNER:X", object: "NCIT:C4872") }""";
        var first = await service.DataAsync(Unlink);
        var second = await service.DataAsync(Unlink);
        Assert.Equal((true, false), ((bool)first["unlinkConcepts"]!, (bool)second["unlinkConcepts"]!));
        var left = await service.DataAsync("""{ conceptSearch(text: "PARTNER:X") { mappingDetails { predicate } } }""");
        Assert.Empty(left["conceptSearch"]![0]!["mappingDetails"]!.AsArray());
    }

    [Fact]
    public async Task LinkConcepts_BadPredicate_IsBadUserInputNamingTheValue()
    {
        var body = await service.PostAsync("""mutation { linkConcepts(input: { subject: "PARTNER:Y", predicate: "sameAs", object: "NCIT:C4872" }) { predicate } }""");
        Assert.Equal("BAD_USER_INPUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("skos:sameAs", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }
}
