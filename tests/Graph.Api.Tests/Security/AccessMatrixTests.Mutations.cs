using System.Text.Json.Nodes;
using Graph.Api.Schema.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Security;

partial class AccessMatrixTests
{
    // Who may run each mutation, as the security design says; written out here, not read from the service.
    private static readonly Dictionary<string, (string Document, string[] Roles)> Mutations = new()
    {
        ["saveCohort"] = ("""mutation { saveCohort(input: { name: "matrix", criteria: { patients: { sex: { eq: "F" } } } }) { cohortId } }""", ["researcher", "partner", "curator", "admin"]),
        ["addRepository"] = ("""mutation { addRepository(input: { slug: "matrix-repo", name: "Matrix", baseUrl: "http://127.0.0.1:9/dicom-web" }) { slug } }""", ["curator", "admin"]),
        ["removeRepository"] = ("""mutation { removeRepository(slug: "no-such-repository") { slug } }""", ["curator", "admin"]),
        ["registerAlgorithm"] = ("""mutation { registerAlgorithm(input: { slug: "matrix-model", name: "Matrix model", task: "segmentation" }) { slug } }""", ["curator", "admin"]),
        // A partner's own concept as the subject: mappings from reference concepts are for curators (PartnerConceptTests).
        ["linkConcepts"] = ("""mutation { linkConcepts(input: { subject: "PARTNER:breast", object: "ICD10:C50", predicate: "exactMatch" }) { predicate } }""", ["partner", "curator", "admin"]),
        ["unlinkConcepts"] = ("""mutation { unlinkConcepts(subject: "PARTNER:none", object: "ICD10:C50") }""", ["partner", "curator", "admin"]),
        ["importMappings"] = ("""mutation { importMappings(sssom: "subject_id\tpredicate_id\tobject_id\tmapping_justification") { applied } }""", ["partner", "curator", "admin"]),
        ["importVocabulary"] = ("""mutation { importVocabulary(text: "curie\tlabel\nMATRIX:1\t") { applied } }""", ["partner", "curator", "admin"]),
        ["reviseCohort"] = ("""mutation { reviseCohort(id: "no-such-cohort") { cohortId } }""", ["researcher", "partner", "curator", "admin"]),
        ["updateCohort"] = ("""mutation { updateCohort(input: { id: "no-such-cohort", name: "matrix" }) { cohortId } }""", ["researcher", "partner", "curator", "admin"]),
        ["deleteCohort"] = ("""mutation { deleteCohort(id: "no-such-cohort") }""", ["researcher", "partner", "curator", "admin"]),
        ["importClinical"] = ("""mutation { importClinical(content: "pseudonym\nnobody") { applied } }""", ["curator", "admin"]),
        ["requestAccess"] = ("""mutation { requestAccess(input: { datasets: ["no-such-dataset"], purpose: "matrix", project: "matrix" }) { requestId } }""", ["researcher", "partner"]),
        ["reviewAccessRequest"] = ("""mutation { reviewAccessRequest(requestId: "ar_none") { status } }""", ["curator", "admin"]),
        ["commentOnAccessRequest"] = ("""mutation { commentOnAccessRequest(requestId: "ar_none", text: "Why?") { status } }""", ["researcher", "partner", "curator", "admin"]),
        ["approveAccessRequest"] = ("""mutation { approveAccessRequest(requestId: "ar_none") { status } }""", ["curator", "admin"]),
        ["rejectAccessRequest"] = ("""mutation { rejectAccessRequest(requestId: "ar_none", reason: "No") { status } }""", ["curator", "admin"]),
        ["revokeAccessRequest"] = ("""mutation { revokeAccessRequest(requestId: "ar_none", reason: "No") { status } }""", ["curator", "admin"]),
        ["withdrawAccessRequest"] = ("""mutation { withdrawAccessRequest(requestId: "ar_none") { status } }""", ["researcher", "partner"]),
    };

    [Fact]
    public void MutationTable_CoversEveryMutationOfTheSchema()
    {
        var fields = service.Services.GetRequiredService<CatalogSchema>().Mutation!.Fields.Select(f => f.Name);
        Assert.Equal(fields.Order(), Mutations.Keys.Order());
    }

    [Theory]
    [InlineData("saveCohort")]
    [InlineData("reviseCohort")]
    [InlineData("updateCohort")]
    [InlineData("deleteCohort")]
    [InlineData("addRepository")]
    [InlineData("removeRepository")]
    [InlineData("registerAlgorithm")]
    [InlineData("importClinical")]
    [InlineData("linkConcepts")]
    [InlineData("unlinkConcepts")]
    [InlineData("importMappings")]
    [InlineData("importVocabulary")]
    [InlineData("requestAccess")]
    [InlineData("reviewAccessRequest")]
    [InlineData("commentOnAccessRequest")]
    [InlineData("approveAccessRequest")]
    [InlineData("rejectAccessRequest")]
    [InlineData("revokeAccessRequest")]
    [InlineData("withdrawAccessRequest")]
    public async Task Mutation_EachRole_OnlyAllowedRolesRunIt(string mutation)
    {
        var (document, allowed) = Mutations[mutation];
        foreach (var role in Roles)
        {
            var body = await PostAsync(role, document);
            var codes = Responses.Codes(body);
            if (allowed.Contains(role))
                Assert.DoesNotContain(codes, c => c is "FORBIDDEN" or "UNAUTHENTICATED");
            else
                Assert.Equal([role == "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN"], codes);
        }
    }

    [Fact]
    public async Task Mutation_CachedAfterAdminRanIt_StillRefusedToOthers()
    {
        const string document = """mutation { removeRepository(slug: "cached-document-check") { slug } }""";
        Assert.DoesNotContain("FORBIDDEN", Responses.Codes(await PostAsync("admin", document)));
        Assert.DoesNotContain("FORBIDDEN", Responses.Codes(await PostAsync("admin", document)));
        Assert.Equal(["FORBIDDEN"], Responses.Codes(await PostAsync("researcher", document)));
        Assert.Equal(["UNAUTHENTICATED"], Responses.Codes(await PostAsync("anonymous", document)));
    }

    [Fact]
    public async Task Query_CachedAfterResearchersPassedItsRoleRule_StillRefusedToAnonymous()
    {
        // The role rule is skipped for a cached document only for the roles that passed it with that document.
        const string document = "query($status: [AccessRequestStatus!]) { accessRequests(status: $status) { __typename } }";
        for (var i = 0; i < 3; i++)
            Assert.Empty(Responses.Codes(await PostAsync("researcher", document)));
        Assert.Equal(["UNAUTHENTICATED"], Responses.Codes(await PostAsync("anonymous", document)));
        Assert.Empty(Responses.Codes(await PostAsync("researcher", document)));
        Assert.Equal(["UNAUTHENTICATED"], Responses.Codes(await PostAsync("anonymous", document)));
    }
}
