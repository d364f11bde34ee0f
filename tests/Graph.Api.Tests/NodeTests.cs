using Graph.Domain;

namespace Graph.Api.Tests;

[Collection(CatalogueCollection.Name)]
public sealed class NodeTests(CatalogueFactory service)
{
    [Fact]
    public async Task Node_IdOfEveryKind_ResolvesToTheSameNode()
    {
        var data = await service.DataAsync("""
            {
              repositories(first: 1) { nodes { id slug } }
              datasets(first: 1) { nodes { id slug } }
              patients(first: 1) { nodes { id pseudonym } }
              diagnoses(first: 1) { nodes { id diagnosisId } }
              studies(first: 1) { nodes { id studyInstanceUid } }
              series(first: 1) { nodes { id seriesInstanceUid } }
              cancerTypes(first: 1) { nodes { id code } }
            }
            """);
        foreach (var (field, connection) in data)
        {
            var node = connection!["nodes"]![0]!;
            var id = (string)node["id"]!;
            var found = await service.DataAsync("query($id: ID!) { node(id: $id) { __typename id } }", new { id });
            Assert.Equal(id, (string?)found["node"]!["id"]);
            Assert.Equal(GraphModel.NodeKinds.Single(k => k.Plural == field).Label, (string?)found["node"]!["__typename"]);
        }
    }

    [Fact]
    public async Task Nodes_MixedIds_KeepOrderAndGiveNullForUnknown()
    {
        var data = await service.DataAsync("{ datasets(first: 2) { nodes { id } } }");
        var ids = data["datasets"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();
        var missing = Convert.ToBase64String("Dataset:no-such-dataset"u8.ToArray()).TrimEnd('=');
        var found = await service.DataAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { ids[1], missing, ids[0] } });
        var nodes = found["nodes"]!.AsArray();
        Assert.Equal(ids[1], (string?)nodes[0]!["id"]);
        Assert.Null(nodes[1]);
        Assert.Equal(ids[0], (string?)nodes[2]!["id"]);
    }

    [Fact]
    public async Task ByKey_UnknownKey_IsNull()
    {
        var data = await service.DataAsync("""{ seriesByKey(key: "1.2.3.4") { id } datasetByKey(key: "nope") { id } }""");
        Assert.Null(data["seriesByKey"]);
        Assert.Null(data["datasetByKey"]);
    }

    [Fact]
    public async Task Relationships_BothDirections_Agree()
    {
        var data = await service.DataAsync("""
            {
              repositories(first: 20) { nodes { slug datasets(first: 20) { nodes { slug repository { slug } cancerTypes { nodes { code datasets(first: 50) { nodes { slug } } } } } } } }
            }
            """);
        var datasets = 0;
        foreach (var repository in data["repositories"]!["nodes"]!.AsArray())
        {
            foreach (var dataset in repository!["datasets"]!["nodes"]!.AsArray())
            {
                datasets++;
                Assert.Equal((string?)repository["slug"], (string?)dataset!["repository"]!["slug"]);
                Assert.NotEmpty(dataset["cancerTypes"]!["nodes"]!.AsArray());
                Assert.All(dataset["cancerTypes"]!["nodes"]!.AsArray(), c =>
                    Assert.Contains((string?)dataset["slug"], c!["datasets"]!["nodes"]!.AsArray().Select(d => (string?)d!["slug"])));
            }
        }

        Assert.Equal(36, datasets);
    }

    [Fact]
    public async Task DerivedRelationships_CancerTypePatients_MatchDiagnoses()
    {
        var data = await service.DataAsync("""
            { cancerTypes { nodes { code patients { totalCount } diagnoses { totalCount } } } patients { totalCount } }
            """);
        var types = data["cancerTypes"]!["nodes"]!.AsArray();
        Assert.Equal(9, types.Count);
        var sum = types.Sum(t => (int)t!["patients"]!["totalCount"]!);
        Assert.True(sum >= CatalogueFactory.Patients, $"{sum} patients over cancer types");
        Assert.All(types, t => Assert.True((int)t!["patients"]!["totalCount"]! <= (int)t["diagnoses"]!["totalCount"]!));
    }

    [Fact]
    public async Task Where_Equality_CountsMatchPerValue()
    {
        var all = (int)(await service.DataAsync("{ series { totalCount } }"))["series"]!["totalCount"]!;
        var mr = (int)(await service.DataAsync("""{ series(where: { modality: { eq: "MR" } }) { totalCount } }"""))["series"]!["totalCount"]!;
        var notMr = (int)(await service.DataAsync("""{ series(where: { modality: { neq: "MR" } }) { totalCount } }"""))["series"]!["totalCount"]!;
        Assert.True(mr > 0);
        Assert.Equal(all, mr + notMr);

        var nested = await service.DataAsync("""
            { patients(where: { sex: { eq: "M" } }, first: 1000) { totalCount nodes { sex } } }
            """);
        Assert.All(nested["patients"]!["nodes"]!.AsArray(), p => Assert.Equal("M", (string?)p!["sex"]));
    }
}
