using Graph.Domain;
using Graph.Ingest.Vocabulary;

namespace Graph.Api.Tests.Security;

/// <summary>Review: any partner counted as owning every concept that was not a reference system's. One partner relabelled and
/// re-parented another's LOCALB:GBM, mapped it exactMatch breast cancer (a glioblastoma search went from 200 to 750 patients, and
/// the concept's creator could not remove that mapping), and opened localb:GBM beside it. A partner now changes only the concepts
/// it created, and creates none of a prefix (ignoring case) whose concepts it did not all create.</summary>
partial class PartnerConceptTests
{
    private const string GlioblastomaPatients = """
        { patients(where: { cancerTypes: { some: { concepts: { some: { curie: { concept: { curie: "NCIT:C3058", includeNarrower: true } } } } } } }) { totalCount } }
        """;

    private const string Link = """
        mutation($subject: String!, $object: String!) { linkConcepts(input: { subject: $subject, predicate: "exactMatch", object: $object }) { predicate } }
        """;

    [Fact]
    public async Task PartnerMutations_OnAnotherPartnersConcepts_AreForbiddenAndSearchesUnchanged()
    {
        Assert.Empty(Responses.Codes(await PostAsync(_otherPartner, Import, new { text = "curie\tlabel\tbroader\nLOCALB:GLIOMA\tGlioma\t\nLOCALB:GBM\tGlioblastoma\t\n", partial = false })));
        Assert.Empty(Responses.Codes(await PostAsync(_otherPartner, Link, new { subject = "LOCALB:GBM", @object = "NCIT:C3058" })));
        var glioblastoma = await TotalAsync(GlioblastomaPatients);
        var before = Describe("LOCALB:GBM");

        AssertForbidden(
            await PostAsync(_partner, Import, new { text = "curie\tlabel\tbroader\nLOCALB:GBM\tHACKED by A\tLOCALB:GLIOMA\n", partial = false }),
            "line 2: 'LOCALB:GBM' was created by another caller", "partners may relabel, re-parent and map only the concepts they created");
        AssertForbidden(
            await PostAsync(_partner, Link, new { subject = "LOCALB:GBM", @object = "ICD10:C50" }),
            "subject 'LOCALB:GBM' was created by another caller");
        AssertForbidden(
            await PostAsync(_partner, """mutation { unlinkConcepts(subject: "LOCALB:GBM", object: "NCIT:C3058") }"""),
            "subject 'LOCALB:GBM' was created by another caller");
        AssertForbidden(
            await PostAsync(_partner, Import, new { text = "curie\tlabel\nlocalb:GBM\tGlioblastoma (look-alike)\n", partial = true }),
            "line 2: 'localb:GBM' has the prefix of 'LOCALB:", "partners may create concepts only of a prefix whose concepts are all theirs");

        Assert.Equal(before, Describe("LOCALB:GBM"));
        Assert.Null(MappingOf("LOCALB:GBM", "ICD10:C50"));
        Assert.NotNull(MappingOf("LOCALB:GBM", "NCIT:C3058"));
        Assert.Null(Snapshot.Find(GraphModel.Concept, "localb:GBM"));
        Assert.Equal(glioblastoma, await TotalAsync(GlioblastomaPatients));
    }

    [Theory]
    [InlineData("caseb:NEW", "NCIT:C3058", "subject 'caseb:NEW' has the prefix of 'CASEB:OWN'")]
    [InlineData("CASEB:NEW", "NCIT:C3058", "subject 'CASEB:NEW' has the prefix of 'CASEB:OWN'")]
    [InlineData("NCIT:C3058", "CaseB:OTHER", "'NCIT:C3058' is a concept of the reference system NCIT")]
    [InlineData("MINEB:X", "CaseB:OTHER", "object 'CaseB:OTHER' has the prefix of 'CASEB:OWN'")]
    public async Task LinkConcepts_PartnerCreatesAConceptOfAnotherPartnersPrefixInAnyCase_IsForbidden(string subject, string target, string reason)
    {
        await PostAsync(_otherPartner, Link, new { subject = "CASEB:OWN", @object = "NCIT:C3059" });

        AssertForbidden(await PostAsync(_partner, Link, new { subject, @object = target }), reason);

        Assert.Null(Snapshot.Find(GraphModel.Concept, subject.StartsWith("NCIT", StringComparison.Ordinal) ? target : subject));
    }

    [Fact]
    public async Task PartnerMutations_OnItsOwnConcepts_AreApplied()
    {
        Assert.Empty(Responses.Codes(await PostAsync(_partner, Import, new { text = "curie\tlabel\nOWNED:GLIOMA\tGlioma\nOWNED:GBM\tGBM\n", partial = false })));

        var relabel = await PostAsync(_partner, Import, new { text = "curie\tlabel\tbroader\nOWNED:GBM\tGlioblastoma\tOWNED:GLIOMA\nowned:EXTRA\tExtra\t\n", partial = false });
        Assert.Empty(Responses.Codes(relabel));
        Assert.Equal("Glioblastoma [OWNED:GLIOMA]", Describe("OWNED:GBM"));
        Assert.Empty(Responses.Codes(await PostAsync(_partner, Link, new { subject = "OWNED:GBM", @object = "NCIT:C3058" })));
        Assert.Empty(Responses.Codes(await PostAsync(_partner, Link, new { subject = "OWNED:NEW", @object = "OWNED:GLIOMA" })));
        var unlink = await PostAsync(_partner, """mutation { unlinkConcepts(subject: "OWNED:GBM", object: "NCIT:C3058") }""");
        Assert.True((bool)unlink["data"]!["unlinkConcepts"]!, unlink.ToJsonString());
        Assert.All(["OWNED:GLIOMA", "OWNED:GBM", "owned:EXTRA", "OWNED:NEW"], c => Assert.StartsWith("key:", Snapshot.Find(GraphModel.Concept, c)!["writtenBy"] as string, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Curator_ChangesAPartnersConcept_IsAppliedAndThePartnerStillOwnsIt()
    {
        Assert.Empty(Responses.Codes(await PostAsync(_partner, Import, new { text = "curie\tlabel\nCURB:ROOT\tRoot\nCURB:X\tX\n", partial = false })));
        var creator = Snapshot.Find(GraphModel.Concept, "CURB:X")!["writtenBy"];

        Assert.Empty(Responses.Codes(await PostAsync(_curator, Import, new { text = "curie\tlabel\tbroader\nCURB:X\tX (curated)\tCURB:ROOT\n", partial = false })));
        Assert.Empty(Responses.Codes(await PostAsync(_curator, Link, new { subject = "CURB:X", @object = "NCIT:C3059" })));
        Assert.Empty(Responses.Codes(await PostAsync(_curator, Link, new { subject = "CURB:NEW", @object = "NCIT:C3059" })));

        Assert.Equal("X (curated) [CURB:ROOT]", Describe("CURB:X"));
        Assert.NotNull(MappingOf("CURB:X", "NCIT:C3059"));
        Assert.Equal(creator, Snapshot.Find(GraphModel.Concept, "CURB:X")!["writtenBy"]);
        Assert.Empty(Responses.Codes(await PostAsync(_partner, Import, new { text = "curie\tlabel\nCURB:X\tX again\n", partial = false })));
        Assert.Equal("X again [CURB:ROOT]", Describe("CURB:X"));
        AssertForbidden(await PostAsync(_partner, Import, new { text = "curie\tlabel\nCURB:Y\tY\n", partial = false }), "'CURB:Y' has the prefix of 'CURB:NEW'");
        Assert.Null(new ConceptCatalogue(Snapshot).Find("CURB:Y"));
    }
}
