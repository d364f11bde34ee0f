using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Api.Schema.Features.Imports;
using Graph.Api.Schema.Types;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Security;

/// <summary>Each role against each query and mutation: who may run what, and which records and counts each one gets.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class AccessMatrixTests(CatalogueFactory service) : IAsyncLifetime
{
    // Who may run each mutation, as the security design says; written out here, not read from the service.
    private static readonly Dictionary<string, (string Document, string[] Roles)> Mutations = new()
    {
        ["saveCohort"] = ("""mutation { saveCohort(input: { name: "matrix", criteria: { patients: { sex: { eq: "F" } } } }) { cohortId } }""", ["researcher", "partner", "curator", "admin"]),
        ["addRepository"] = ("""mutation { addRepository(input: { slug: "matrix-repo", name: "Matrix", baseUrl: "http://127.0.0.1:9/dicom-web" }) { slug } }""", ["curator", "admin"]),
        ["removeRepository"] = ("""mutation { removeRepository(slug: "no-such-repository") { slug } }""", ["curator", "admin"]),
        ["registerAlgorithm"] = ("""mutation { registerAlgorithm(input: { slug: "matrix-model", name: "Matrix model", task: "segmentation" }) { slug } }""", ["curator", "admin"]),
        ["linkConcepts"] = ("""mutation { linkConcepts(input: { subject: "ICD10:C50", object: "PARTNER:breast", predicate: "exactMatch" }) { predicate } }""", ["partner", "curator", "admin"]),
        ["unlinkConcepts"] = ("""mutation { unlinkConcepts(subject: "ICD10:C50", object: "PARTNER:none") }""", ["partner", "curator", "admin"]),
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
        ["withdrawAccessRequest"] = ("""mutation { withdrawAccessRequest(requestId: "ar_none") { status } }""", ["researcher", "partner"]),
    };

    private static readonly string[] Roles = ["anonymous", "researcher", "partner", "curator", "admin"];

    private readonly Dictionary<string, string?> _keys = [];
    private List<(string Pseudonym, List<(string Slug, string Tier)> Datasets)> _patients = [];
    private string _restricted = "";

    public async Task InitializeAsync()
    {
        _keys["anonymous"] = null;
        foreach (var role in Roles.Skip(1))
            _keys[role] = await TestKeys.CreateAsync(service.DataDirectory, role);
        var data = await service.DataAsync("{ patients(first: 1000) { nodes { pseudonym datasets { nodes { slug accessTier } } } } }");
        _patients = data["patients"]!["nodes"]!.AsArray()
            .Select(p => ((string)p!["pseudonym"]!, p["datasets"]!["nodes"]!.AsArray().Select(d => ((string)d!["slug"]!, (string?)d["accessTier"] ?? "restricted")).ToList()))
            .ToList();
        _restricted = _patients.SelectMany(p => p.Datasets).Where(d => d.Tier == "restricted").GroupBy(d => d.Slug).OrderByDescending(g => g.Count()).First().Key;
        _keys["granted"] = await TestKeys.CreateAsync(service.DataDirectory, "researcher", _restricted);
    }

    public Task DisposeAsync() => Task.CompletedTask;

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

    [Theory]
    [InlineData("anonymous")]
    [InlineData("researcher")]
    [InlineData("granted")]
    [InlineData("partner")]
    [InlineData("curator")]
    [InlineData("admin")]
    public async Task Patients_EachRole_OnlyThoseOfReadableDatasets(string role)
    {
        var expected = _patients.Where(p => p.Datasets.Any(d => Readable(role, d.Slug, d.Tier))).Select(p => p.Pseudonym).Order().ToList();
        var body = await PostAsync(role, "{ patients(first: 1000) { totalCount nodes { pseudonym } } }");
        Assert.Empty(Responses.Codes(body));
        var patients = body["data"]!["patients"]!;
        Assert.Equal(expected, patients["nodes"]!.AsArray().Select(p => (string)p!["pseudonym"]!).Order().ToList());
        Assert.Equal(expected.Count, (int)patients["totalCount"]!);
        Assert.True(role is "curator" or "admin" ? expected.Count == _patients.Count : expected.Count < _patients.Count);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("researcher")]
    [InlineData("granted")]
    [InlineData("admin")]
    public async Task EveryRecordPath_EachRole_ReachesOnlyReadablePatients(string role)
    {
        var readable = _patients.Where(p => p.Datasets.Any(d => Readable(role, d.Slug, d.Tier))).Select(p => p.Pseudonym).ToHashSet();
        // Series reached five ways: directly, through datasets, through cancer types, through concepts (their derived CODED_AS) and through text search.
        var body = await PostAsync(role, """
            {
              series(first: 1000) { nodes { patient { pseudonym } } }
              datasets(first: 100) { nodes { series(first: 1000) { nodes { patient { pseudonym } } } } }
              cancerTypes { nodes { patients(first: 1000) { nodes { pseudonym } } } }
              concepts(first: 100) { nodes { series(first: 1000) { totalCount nodes { patient { pseudonym } } } } }
              search(text: "t1", kinds: ["Series"], first: 100) { hits { node { ... on Series { patient { pseudonym } } } } }
            }
            """);
        Assert.Empty(Responses.Codes(body));
        var reached = body["data"]!.ToJsonString();
        var pseudonyms = _patients.Select(p => p.Pseudonym).Where(p => reached.Contains($"\"{p}\"", StringComparison.Ordinal)).ToHashSet();
        Assert.NotEmpty(pseudonyms);
        Assert.Subset(readable, pseudonyms);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("researcher")]
    [InlineData("granted")]
    [InlineData("admin")]
    public async Task ViewerLinks_EachRole_OnlyOnReadableStudiesAndSeries(string role)
    {
        var readable = _patients.Where(p => p.Datasets.Any(d => Readable(role, d.Slug, d.Tier))).Select(p => p.Pseudonym).ToHashSet();
        const string query = """
            { studies(first: 1000) { nodes { studyInstanceUid viewerUrl retrieveUrl patient { pseudonym }
                series(first: 20) { nodes { seriesInstanceUid viewerUrl retrieveUrl } } } } }
            """;
        var body = await PostAsync(role, query);
        Assert.Empty(Responses.Codes(body));

        var studies = body["data"]!["studies"]!["nodes"]!.AsArray();
        Assert.NotEmpty(studies);
        foreach (var study in studies)
        {
            var uid = (string)study!["studyInstanceUid"]!;
            Assert.Contains((string)study["patient"]!["pseudonym"]!, readable);
            Assert.StartsWith("https://", (string)study["viewerUrl"]!, StringComparison.Ordinal);
            Assert.Contains($"StudyInstanceUIDs={uid}&", (string)study["viewerUrl"]!, StringComparison.Ordinal);
            Assert.EndsWith($"/studies/{uid}", (string)study["retrieveUrl"]!, StringComparison.Ordinal);
            foreach (var series in study["series"]!["nodes"]!.AsArray())
            {
                var seriesUid = (string)series!["seriesInstanceUid"]!;
                Assert.EndsWith($"StudyInstanceUIDs={uid}&SeriesInstanceUIDs={seriesUid}", (string)series["viewerUrl"]!, StringComparison.Ordinal);
                Assert.EndsWith($"/studies/{uid}/series/{seriesUid}", (string)series["retrieveUrl"]!, StringComparison.Ordinal);
            }
        }

        // No link to a study the caller may not read reaches the caller, whichever way it is asked.
        var all = (await PostAsync("admin", "{ studies(first: 1000) { nodes { studyInstanceUid patient { pseudonym } } } }"))["data"]!["studies"]!["nodes"]!.AsArray();
        var hidden = all.Where(s => !readable.Contains((string)s!["patient"]!["pseudonym"]!)).Select(s => (string)s!["studyInstanceUid"]!).ToList();
        Assert.Equal(role == "admin", hidden.Count == 0);
        var text = body.ToJsonString() + (await PostAsync(role, "{ series(first: 1000) { nodes { viewerUrl retrieveUrl } } }")).ToJsonString();
        Assert.DoesNotContain(hidden, uid => text.Contains(uid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HarvestRuns_CountingStudiesOfEveryTier_OnlyForCallersWhoReadEverything()
    {
        var repository = (string)(await PostAsync("admin", "{ repositories(first: 1) { nodes { slug } } }"))["data"]!["repositories"]!["nodes"]![0]!["slug"]!;
        var changes = new Graph.Store.ChangeSet { Source = "test" };
        changes.Add(Domain.NodeRecord.Of(Domain.GraphModel.HarvestRun, $"{repository}@matrix", ("startedAt", "2026-01-01T00:00:00Z"), ("status", "succeeded"), ("studiesSeen", 3L)));
        changes.Add(Domain.EdgeRecord.Of("HARVESTED", new Domain.NodeRef("Repository", repository), new Domain.NodeRef("HarvestRun", $"{repository}@matrix")));
        await service.Services.GetRequiredService<Graph.Store.GraphWriter>().WriteAsync(changes, CancellationToken.None);
        var query = $$"""{ harvestRuns { totalCount } repositoryByKey(key: "{{repository}}") { harvestRuns { nodes { studiesSeen } } } }""";
        foreach (var (role, visible) in new[] { ("anonymous", false), ("researcher", false), ("granted", false), ("curator", true), ("admin", true) })
        {
            var data = (await PostAsync(role, query))["data"]!;
            Assert.Equal(visible, (int)data["harvestRuns"]!["totalCount"]! > 0);
            Assert.Equal(visible, data["repositoryByKey"]!["harvestRuns"]!["nodes"]!.AsArray().Count > 0);
        }
    }

    [Fact]
    public async Task IdentityKnown_PatientOfUnknownIdentityInRestrictedDataset_OnlyForGrantedOrCurators()
    {
        const string unknown = "PSN-MATRIXUNKNOWNIDENTITY0000001";
        var changes = new Graph.Store.ChangeSet { Source = "test" };
        changes.Add(Domain.NodeRecord.Of(Domain.GraphModel.Patient, unknown, ("identityKnown", false)));
        changes.Add(Domain.EdgeRecord.Of("INCLUDES", new Domain.NodeRef("Dataset", _restricted), new Domain.NodeRef("Patient", unknown)));
        var writer = service.Services.GetRequiredService<Graph.Store.GraphWriter>();
        await writer.WriteAsync(changes, CancellationToken.None);
        try
        {
            const string query = "{ patients(where: { identityKnown: { eq: false } }, first: 100) { totalCount nodes { pseudonym identityKnown } } }";
            foreach (var (role, visible) in new[] { ("anonymous", false), ("researcher", false), ("partner", false), ("granted", true), ("curator", true), ("admin", true) })
            {
                var body = await PostAsync(role, query);
                Assert.Empty(Responses.Codes(body));
                var nodes = body["data"]!["patients"]!["nodes"]!.AsArray();
                Assert.Equal(visible, nodes.Any(n => (string)n!["pseudonym"]! == unknown));
                Assert.All(nodes, n => Assert.False((bool)n!["identityKnown"]!));
            }
        }
        finally
        {
            // The catalogue is shared by the collection's tests, which count its 300 patients.
            var undo = new Graph.Store.ChangeSet { Source = "test" };
            undo.DeletedNodes.Add(new Domain.NodeRef("Patient", unknown));
            await writer.WriteAsync(undo, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Annotations_OfARestrictedSeries_OnlyForGrantedOrCurators_InListsFiltersFacetsAndLookups()
    {
        async Task<string> SeriesOf(Func<List<(string Slug, string Tier)>, bool> datasets)
        {
            var patient = _patients.First(p => p.Datasets.Count > 0 && datasets(p.Datasets)).Pseudonym;
            var data = (await PostAsync("admin", $$"""{ patientByKey(key: "{{patient}}") { series(first: 1) { nodes { seriesInstanceUid } } } }"""))["data"]!;
            return (string)data["patientByKey"]!["series"]!["nodes"]![0]!["seriesInstanceUid"]!;
        }

        var restrictedSeries = await SeriesOf(d => d.All(x => x.Tier == "restricted" && x.Slug == _restricted));
        var openSeries = await SeriesOf(d => d.All(x => x.Tier == "open"));
        var changes = new Graph.Store.ChangeSet { Source = "test" };
        foreach (var (id, series) in new[] { ("matrix-annotation-restricted", restrictedSeries), ("matrix-annotation-open", openSeries) })
        {
            changes.Add(Domain.NodeRecord.Of(Domain.GraphModel.Annotation, id, ("kind", "segmentation"), ("label", $"Matrix liver {id[18..]}"), ("codes", new[] { "SCTID:10200004" })));
            changes.Add(Domain.EdgeRecord.Of("ANNOTATES", new Domain.NodeRef("Annotation", id), new Domain.NodeRef("Series", series)));
        }

        var writer = service.Services.GetRequiredService<Graph.Store.GraphWriter>();
        await writer.WriteAsync(changes, CancellationToken.None);
        try
        {
            const string query = """
                {
                  annotations(where: { label: { startsWith: "Matrix liver" } }) { totalCount nodes { annotationId series { nodes { seriesInstanceUid } } } }
                  series(where: { annotations: { some: { label: { startsWith: "Matrix liver" } } } }) {
                    totalCount nodes { seriesInstanceUid }
                    facets(fields: ["annotations.label"], limit: 10) { values { value } }
                  }
                  concept: conceptByKey(key: "SCTID:10200004") { annotations(where: { label: { startsWith: "Matrix liver" } }) { totalCount } }
                  lookup: annotationByKey(key: "matrix-annotation-restricted") { annotationId }
                }
                """;
            foreach (var (role, visible) in new[] { ("anonymous", false), ("researcher", false), ("partner", false), ("granted", true), ("curator", true), ("admin", true) })
            {
                var body = await PostAsync(role, query);
                Assert.Empty(Responses.Codes(body));
                var data = body["data"]!;
                var expected = visible ? new[] { "matrix-annotation-open", "matrix-annotation-restricted" } : ["matrix-annotation-open"];
                Assert.Equal(expected, data["annotations"]!["nodes"]!.AsArray().Select(n => (string)n!["annotationId"]!).Order());
                var expectedSeries = visible ? new[] { openSeries, restrictedSeries }.Order().ToArray() : [openSeries];
                Assert.Equal(expectedSeries, data["series"]!["nodes"]!.AsArray().Select(n => (string)n!["seriesInstanceUid"]!).Order());
                Assert.Equal(
                    visible ? ["Matrix liver open", "Matrix liver restricted"] : ["Matrix liver open"],
                    data["series"]!["facets"]![0]!["values"]!.AsArray().Select(v => (string)v!["value"]!).Order());
                Assert.Equal(expected.Length, (int)data["concept"]!["annotations"]!["totalCount"]!);
                Assert.Equal(visible, data["lookup"] is JsonObject);
                Assert.Equal(visible, body.ToJsonString().Contains(restrictedSeries, StringComparison.Ordinal));
            }
        }
        finally
        {
            // The catalogue is shared by the collection's tests.
            var undo = new Graph.Store.ChangeSet { Source = "test" };
            undo.DeletedNodes.Add(new Domain.NodeRef("Annotation", "matrix-annotation-restricted"));
            undo.DeletedNodes.Add(new Domain.NodeRef("Annotation", "matrix-annotation-open"));
            await writer.WriteAsync(undo, CancellationToken.None);
        }
    }

    [Fact]
    public async Task NodeLookup_RestrictedPatient_OnlyForGrantedOrCurators()
    {
        var patient = _patients.First(p => p.Datasets.Count > 0 && p.Datasets.All(d => d.Tier == "restricted" && d.Slug == _restricted)).Pseudonym;
        var query = $$"""{ patientByKey(key: "{{patient}}") { pseudonym studies { totalCount } } }""";
        foreach (var (role, visible) in new[] { ("anonymous", false), ("researcher", false), ("partner", false), ("granted", true), ("curator", true) })
        {
            var body = await PostAsync(role, query);
            Assert.Empty(Responses.Codes(body));
            Assert.Equal(visible, body["data"]!["patientByKey"] is JsonObject);
        }
    }

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

    private bool Readable(string role, string slug, string tier) => role switch
    {
        "anonymous" => tier == "open",
        "researcher" or "partner" => tier is "open" or "registered",
        "granted" => tier is "open" or "registered" || slug == _restricted,
        _ => true,
    };

    private HttpClient Client(string role) => _keys[role] is { } key ? service.CreateClient(key) : service.CreateAnonymousClient();

    private async Task<JsonObject> PostAsync(string role, string query)
    {
        using var client = Client(role);
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
