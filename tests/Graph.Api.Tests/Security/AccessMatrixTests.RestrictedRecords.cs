using System.Text.Json.Nodes;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Security;

partial class AccessMatrixTests
{
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
}
