using System.Text.Json.Nodes;
using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Security;

/// <summary>
/// Review, critical: any partner could change what the reference concepts mean for every user (breast exactMatch lung, a seed
/// mapping removed, DICOM MR relabelled), forge the seed's provenance and overwrite another partner's mapping. Partners now
/// write only their own concepts and the mappings they wrote; curators and admins still change everything. On a demo catalogue
/// of its own (the tests write concepts and mappings).
/// </summary>
public sealed partial class PartnerConceptTests(CatalogueFactory service) : IClassFixture<CatalogueFactory>, IAsyncLifetime
{
    private const string BreastPatients = """
        { patients(where: { cancerTypes: { some: { concepts: { some: { curie: { concept: { curie: "SCTID:254837009", includeNarrower: true } } } } } } }) { totalCount } }
        """;

    private const string LungPatients = """
        { patients(where: { cancerTypes: { some: { concepts: { some: { curie: { concept: { curie: "SCTID:363358000", includeNarrower: true } } } } } } }) { totalCount } }
        """;

    private string _partner = "";
    private string _otherPartner = "";
    private string _curator = "";

    public async Task InitializeAsync()
    {
        _partner = await TestKeys.CreateAsync(service.DataDirectory, "partner");
        _otherPartner = await TestKeys.CreateAsync(service.DataDirectory, "partner");
        _curator = await TestKeys.CreateAsync(service.DataDirectory, "curator");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LinkConcepts_PartnerMapsBreastExactMatchLung_IsForbiddenAndBreastSearchUnchanged()
    {
        var breast = await TotalAsync(BreastPatients);
        Assert.True(await TotalAsync(LungPatients) > 0, "the demo catalogue has lung cancer patients");

        var body = await PostAsync(_partner, """
            mutation { linkConcepts(input: { subject: "SCTID:254837009", predicate: "exactMatch", object: "SCTID:363358000" }) { predicate } }
            """);

        AssertForbidden(body, "'SCTID:254837009' is a concept of the reference system SCTID", "partners may not add, change or remove the mappings of reference concepts");
        Assert.Equal(breast, await TotalAsync(BreastPatients));
    }

    [Theory]
    [InlineData("Cancer Imaging Graph seed vocabulary")]
    [InlineData("  cancer imaging graph   SEED vocabulary ")]
    public async Task LinkConcepts_PartnerSignsWithTheSeedAuthor_IsForbiddenAndNothingIsCreated(string author)
    {
        var body = await PostAsync(_otherPartner, """
            mutation($author: String) { linkConcepts(input: { subject: "FORGED:GLIOMA", predicate: "exactMatch", object: "NCIT:C3059", author: $author }) { predicate } }
            """, new { author });

        AssertForbidden(body, "is the seed vocabulary's: partners may not sign mappings with it");
        Assert.Null(Snapshot.Find(GraphModel.Concept, "FORGED:GLIOMA"));
    }

    [Fact]
    public async Task LinkConcepts_PartnerOverwritesAnotherPartnersMapping_IsForbiddenAndTheFirstStays()
    {
        const string link = """
            mutation($author: String, $predicate: String!) { linkConcepts(input: { subject: "SHARED:GLIOMA", predicate: $predicate, object: "NCIT:C3059", author: $author }) { author } }
            """;
        Assert.Empty(Responses.Codes(await PostAsync(_partner, link, new { author = "orcid:0000-0002-1825-0097", predicate = "exactMatch" })));

        var body = await PostAsync(_otherPartner, link, new { author = "someone else", predicate = "relatedMatch" });

        AssertForbidden(body, "subject 'SHARED:GLIOMA' was created by another caller");
        var stored = MappingOf("SHARED:GLIOMA", "NCIT:C3059")!;
        Assert.Equal(("exactMatch", "orcid:0000-0002-1825-0097"), (stored.Predicate, stored.Author));
        // Its writer may still change it.
        Assert.Empty(Responses.Codes(await PostAsync(_partner, link, new { author = "orcid:0000-0002-1825-0097", predicate = "closeMatch" })));
        Assert.Equal("closeMatch", MappingOf("SHARED:GLIOMA", "NCIT:C3059")!.Predicate);
    }

    [Fact]
    public async Task UnlinkConcepts_PartnerRemovesAnotherPartnersMapping_IsForbiddenAndItsWriterMay()
    {
        Assert.Empty(Responses.Codes(await PostAsync(_partner, """mutation { linkConcepts(input: { subject: "MINE:X", predicate: "closeMatch", object: "NCIT:C4872" }) { predicate } }""")));
        const string unlink = """mutation { unlinkConcepts(subject: "MINE:X", object: "NCIT:C4872") }""";

        AssertForbidden(await PostAsync(_otherPartner, unlink), "subject 'MINE:X' was created by another caller");
        Assert.NotNull(MappingOf("MINE:X", "NCIT:C4872"));

        var own = await PostAsync(_partner, unlink);
        Assert.True((bool)own["data"]!["unlinkConcepts"]!, own.ToJsonString());
        Assert.Null(MappingOf("MINE:X", "NCIT:C4872"));
    }

    [Fact]
    public async Task UnlinkConcepts_PartnerRemovesASeedMapping_IsForbiddenAndTheDiagnosesStay()
    {
        const string glioblastoma = """{ diagnoses(where: { icdO3Morphology: { concept: { curie: "NCIT:C3058" } } }) { totalCount } }""";
        var before = await TotalAsync(glioblastoma);
        Assert.True(before > 0, "the demo catalogue has glioblastoma diagnoses");

        var body = await PostAsync(_otherPartner, """mutation { unlinkConcepts(subject: "ICDO3:9440/3", object: "NCIT:C3058") }""");

        AssertForbidden(body, "'ICDO3:9440/3' is a concept of the reference system ICDO3");
        Assert.NotNull(MappingOf("ICDO3:9440/3", "NCIT:C3058"));
        Assert.Equal(before, await TotalAsync(glioblastoma));
    }

    [Theory]
    [InlineData("NCIT:C3058", "ncit:C3058", "ncit:C3058", "BAD_USER_INPUT", "a concept cannot map to itself")]
    [InlineData("PARTNER:SELF", "partner:SELF", "PARTNER:SELF", "BAD_USER_INPUT", "a concept cannot map to itself")]
    [InlineData("ncit:C3058", "NCIT:C3059", "ncit:C3058", "FORBIDDEN", "'ncit:C3058' is a concept of the reference system NCIT")]
    public async Task LinkConcepts_PartnerWithPrefixInAnotherCase_IsRefused(string subject, string target, string notCreated, string code, string reason)
    {
        var body = await PostAsync(_partner, """
            mutation($subject: String!, $target: String!) { linkConcepts(input: { subject: $subject, predicate: "narrowMatch", object: $target }) { predicate } }
            """, new { subject, target });

        Assert.Equal([code], Responses.Codes(body));
        Assert.Contains(reason, (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Null(Snapshot.Find(GraphModel.Concept, notCreated));
    }

    [Fact]
    public async Task LinkConcepts_CuratorMapsAConceptToItselfInAnotherCase_IsBadUserInput()
    {
        var body = await PostAsync(_curator, """mutation { linkConcepts(input: { subject: "NCIT:C3058", predicate: "narrowMatch", object: "ncit:C3058" }) { predicate } }""");

        Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(body));
        Assert.Null(Snapshot.Find(GraphModel.Concept, "ncit:C3058"));
    }

    [Fact]
    public async Task ImportMappings_PartnerRowsOnReferenceConcepts_IsForbiddenNamingEachLineEvenWhenPartial()
    {
        const string sssom = """
            #curie_map:
            #  NCIT: "http://purl.obolibrary.org/obo/NCIT_"
            #  SCTID: "http://snomed.info/id/"
            #  MINE: "https://partner.example/onto/"
            #mapping_set_id: "https://partner.example/mappings/attack.sssom.tsv"
            #license: "https://creativecommons.org/licenses/by/4.0/"
            subject_id	predicate_id	object_id	mapping_justification	author_label
            MINE:GOOD	skos:exactMatch	NCIT:C3059	semapv:ManualMappingCuration	Partner
            SCTID:254837009	skos:exactMatch	SCTID:363358000	semapv:ManualMappingCuration	Partner
            MINE:NEW	skos:exactMatch	NCIT:C99999999	semapv:ManualMappingCuration	Partner

            """;
        var breast = await TotalAsync(BreastPatients);

        var body = await PostAsync(_partner, """mutation($t: String!) { importMappings(sssom: $t, partial: true) { applied } }""", new { t = sssom });

        AssertForbidden(body, "line 9: subject 'SCTID:254837009' is a concept of the reference system SCTID",
            "line 10: object 'NCIT:C99999999' is a concept of the reference system NCIT and the catalogue does not hold it: partners may not create reference concepts");
        Assert.Null(Snapshot.Find(GraphModel.Concept, "MINE:GOOD"));
        Assert.Equal(breast, await TotalAsync(BreastPatients));
    }

    [Fact]
    public async Task LinkConcepts_PartnerGliomaCodeAsTheReadmeShows_FindsGlioblastomaPatientsToo()
    {
        var link = await PostAsync(_partner, """
            mutation { linkConcepts(input: { subject: "PARTNER:GLIOMA", subjectLabel: "Glioma (partner code)", predicate: "skos:exactMatch", object: "NCIT:C3059",
              confidence: 0.95, author: "orcid:0000-0002-1825-0097", date: "2024-05-31" }) { author subject { system } } }
            """);
        Assert.Empty(Responses.Codes(link));
        Assert.Equal(("orcid:0000-0002-1825-0097", "PARTNER"), ((string?)link["data"]!["linkConcepts"]!["author"], (string?)link["data"]!["linkConcepts"]!["subject"]!["system"]));

        var data = await service.DataAsync("""
            {
              partner: patients(where: { cancerTypes: { some: { concepts: { some: { curie: { concept: { curie: "PARTNER:GLIOMA", includeNarrower: true } } } } } } }) { totalCount }
              both: patients(where: { cancerTypes: { some: { code: { in: ["glioma", "glioblastoma"] } } } }) { totalCount }
            }
            """);
        Assert.True((int)data["both"]!["totalCount"]! > 0);
        Assert.Equal((int)data["both"]!["totalCount"]!, (int)data["partner"]!["totalCount"]!);
        Assert.StartsWith("key:", MappingOf("PARTNER:GLIOMA", "NCIT:C3059")!.WrittenBy, StringComparison.Ordinal);
    }

    /// <summary>Review: a partner concept mapped exactMatch to lung cancer and to breast cancer joined their searches, so a
    /// researcher's lung cancer cohort silently took in every breast cancer patient. The partner's mappings now carry a search
    /// out of its own concept only when the search starts at one of its concepts.</summary>
    [Theory]
    [InlineData("BRIDGEX:LUNGBREAST", "exactMatch")]
    [InlineData("BRIDGEN:LUNGBREAST", "narrowMatch")]
    public async Task LinkConcepts_PartnerConceptMappedToTwoReferenceConcepts_DoesNotJoinTheirSearches(string bridge, string predicate)
    {
        var lung = await TotalAsync(LungPatients);
        var breast = await TotalAsync(BreastPatients);
        Assert.True(lung > 0 && breast > 0, "the demo catalogue has lung and breast cancer patients");

        var first = await PostAsync(_partner, """
            mutation($bridge: String!) { linkConcepts(input: { subject: $bridge, predicate: "exactMatch", object: "SCTID:363358000" }) { predicate } }
            """, new { bridge });
        Assert.True(Responses.Codes(first).Count == 0, first.ToJsonString());
        var second = await PostAsync(_partner, """
            mutation($bridge: String!, $predicate: String!) { linkConcepts(input: { subject: $bridge, predicate: $predicate, object: "SCTID:254837009" }) { predicate } }
            """, new { bridge, predicate });
        Assert.True(Responses.Codes(second).Count == 0, second.ToJsonString());

        Assert.Equal(lung, await TotalAsync(LungPatients));
        Assert.Equal(breast, await TotalAsync(BreastPatients));
        // The partner's own code is the partner's to define: a search for it finds both.
        var own = await service.DataAsync("""
            query($bridge: String!) {
              own: patients(where: { cancerTypes: { some: { concepts: { some: { curie: { concept: { curie: $bridge, includeNarrower: true } } } } } } }) { totalCount }
              both: patients(where: { cancerTypes: { some: { code: { in: ["lung", "breast"] } } } }) { totalCount }
            }
            """, new { bridge });
        Assert.Equal((int)own["both"]!["totalCount"]!, (int)own["own"]!["totalCount"]!);
    }

    /// <summary>Review: text search took the names of a phrase's concepts and of their exact matches as other names of it, a
    /// partner's concepts among them: a partner concept labelled "breast" and mapped to lung cancer made a search for "breast"
    /// find lung cancer records, and one for lung cancer find "breast" (datasets, studies, series and cancer types: 5, 96 and 7
    /// hits became 12, 101 and 12). Only the vocabulary's concepts (the seed's and the graph command's) give other names now.</summary>
    [Fact]
    public async Task LinkConcepts_PartnerConceptNamedAfterOneTermAndMappedToAnother_DoesNotChangeTextSearch()
    {
        var lungLabel = (string)Snapshot.Find(GraphModel.Concept, "SCTID:363358000")!["label"]!;
        string[] texts = [lungLabel, "breast", "Breast cancer"];
        var before = new List<int>();
        foreach (var text in texts)
            before.Add(await SearchTotalAsync(text));

        var link = await PostAsync(_partner, """
            mutation { linkConcepts(input: { subject: "SYNP:BREAST", subjectLabel: "Breast cancer", predicate: "exactMatch", object: "SCTID:363358000" }) { predicate } }
            """);
        Assert.True(Responses.Codes(link).Count == 0, link.ToJsonString());

        var after = new List<int>();
        foreach (var text in texts)
            after.Add(await SearchTotalAsync(text));
        Assert.Equal(before, after);
    }

    private async Task<int> SearchTotalAsync(string text) =>
        (int)(await service.DataAsync("""query($text: String!) { search(text: $text, kinds: ["Dataset", "Study", "Series", "CancerType"], first: 1) { totalCount } }""", new { text }))["search"]!["totalCount"]!;

    [Fact]
    public async Task Curator_ChangesReferenceMappingsAndPartnersMappings_IsAllowedAndBecomesTheWriter()
    {
        Assert.Empty(Responses.Codes(await PostAsync(_curator, """mutation { unlinkConcepts(subject: "ICD10:C18", object: "SCTID:363406005") }""")));
        Assert.Null(MappingOf("ICD10:C18", "SCTID:363406005"));
        Assert.Empty(Responses.Codes(await PostAsync(_curator, """
            mutation { linkConcepts(input: { subject: "ICD10:C18", predicate: "exactMatch", object: "SCTID:363406005", author: "Cancer Imaging Graph seed vocabulary" }) { predicate } }
            """)));
        Assert.Equal("Cancer Imaging Graph seed vocabulary", MappingOf("ICD10:C18", "SCTID:363406005")!.Author);

        const string link = """mutation { linkConcepts(input: { subject: "REVIEWED:X", predicate: "closeMatch", object: "NCIT:C4910" }) { predicate } }""";
        Assert.Empty(Responses.Codes(await PostAsync(_partner, link)));
        var partnerWrote = MappingOf("REVIEWED:X", "NCIT:C4910")!.WrittenBy;
        Assert.Empty(Responses.Codes(await PostAsync(_curator, link)));
        Assert.NotEqual(partnerWrote, MappingOf("REVIEWED:X", "NCIT:C4910")!.WrittenBy);
        AssertForbidden(await PostAsync(_partner, """mutation { unlinkConcepts(subject: "REVIEWED:X", object: "NCIT:C4910") }"""), "was written by another caller");
    }

    private CatalogSnapshot Snapshot => service.Services.GetRequiredService<CatalogIndex>().Current;

    private ConceptMapping? MappingOf(string subject, string target) =>
        Snapshot.Find(GraphModel.Concept, subject) is { } node
            ? ConceptGraph.MappingsOf(node).FirstOrDefault(m => m.Subject.Key == subject && m.Object.Key == target)
            : null;

    private async Task<JsonObject> PostAsync(string key, string query, object? variables = null) =>
        (await service.SendAsync(new { query, variables }, key)).Body;

    private async Task<int> TotalAsync(string query)
    {
        var data = await service.DataAsync(query);
        return (int)data.First().Value!["totalCount"]!;
    }

    private static void AssertForbidden(JsonObject body, params string[] fragments)
    {
        Assert.Equal(["FORBIDDEN"], Responses.Codes(body));
        var message = (string?)body["errors"]![0]!["message"];
        Assert.StartsWith("Nothing was applied: ", message, StringComparison.Ordinal);
        foreach (var fragment in fragments)
            Assert.Contains(fragment, message, StringComparison.Ordinal);
    }
}
