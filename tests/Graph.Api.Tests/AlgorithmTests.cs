using System.Text.Json.Nodes;

namespace Graph.Api.Tests;

/// <summary>Algorithms over GraphQL: the registerAlgorithm mutation and the "datasets no algorithm has used yet" query of the examples.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class AlgorithmTests(CatalogueFactory service)
{
    private static readonly string LiverQuery = File.ReadAllText(Path.Combine(SchemaTests.RepositoryRoot(), "schema", "examples", "algorithms.graphql"));

    private const string WithoutAlgorithmQuery = """
        query Without($code: String!) {
          datasets(first: 50, where: { cancerTypes: { some: { code: { eq: $code } } }, algorithms: { none: { cancerTypes: { some: { code: { eq: $code } } } } } }) {
            nodes { slug }
          }
        }
        """;

    /// <summary>The datasets of a cancer type none of whose algorithms targets it, worked out from every dataset's links.</summary>
    private async Task<List<string>> ExpectedDatasetsAsync(string code)
    {
        var data = await service.DataAsync("""
            { datasets(first: 1000) { nodes { slug cancerTypes { nodes { code } } algorithms { nodes { cancerTypes { nodes { code } } } } } } }
            """);
        static IEnumerable<string> Codes(JsonNode? types) => types!["nodes"]!.AsArray().Select(t => (string)t!["code"]!);
        return data["datasets"]!["nodes"]!.AsArray()
            .Where(d => Codes(d!["cancerTypes"]).Contains(code))
            .Where(d => !d!["algorithms"]!["nodes"]!.AsArray().Any(a => Codes(a!["cancerTypes"]).Contains(code)))
            .Select(d => (string)d!["slug"]!).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<List<string>> WithoutAlgorithmAsync(string code)
    {
        var data = await service.DataAsync(WithoutAlgorithmQuery, new { code });
        return data["datasets"]!["nodes"]!.AsArray().Select(d => (string)d!["slug"]!).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task DatasetsNoAlgorithmUsedForLiver_Example_GivesTheLiverDatasetsWithoutALiverAlgorithm()
    {
        var all = await service.DataAsync("""{ datasets(where: { cancerTypes: { some: { code: { eq: "liver" } } } }) { totalCount } }""");

        var data = await service.DataAsync(LiverQuery);
        var found = data["datasets"]!["nodes"]!.AsArray().Select(d => (string)d!["slug"]!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(await ExpectedDatasetsAsync("liver"), found);
        Assert.NotEmpty(found);
        Assert.True(found.Count < (int)all["datasets"]!["totalCount"]!, "the demo's liver algorithm should leave at least one liver dataset out");
    }

    [Fact]
    public async Task RegisterAlgorithm_TrainedOnADataset_IsQueryableAndLeavesTheDatasetsWithoutAlgorithm()
    {
        var before = await WithoutAlgorithmAsync("glioblastoma");
        var dataset = before[0];

        var data = await service.DataAsync("""
            mutation Register($dataset: String!) {
              registerAlgorithm(input: { slug: "test-gbm-net-1.0", name: "Test glioblastoma net", task: "segmentation", metrics: "{\"dice\": 0.8}",
                                         trainedOn: [$dataset], targets: ["glioblastoma"] }) {
                slug name metrics trainingDatasets { nodes { slug } } cancerTypes { nodes { code } }
              }
            }
            """, new { dataset });

        var algorithm = data["registerAlgorithm"]!;
        Assert.Equal(("test-gbm-net-1.0", "Test glioblastoma net"), ((string)algorithm["slug"]!, (string)algorithm["name"]!));
        Assert.Equal(dataset, (string)algorithm["trainingDatasets"]!["nodes"]![0]!["slug"]!);
        Assert.Equal("glioblastoma", (string)algorithm["cancerTypes"]!["nodes"]![0]!["code"]!);
        var after = await WithoutAlgorithmAsync("glioblastoma");
        Assert.DoesNotContain(dataset, after);
        Assert.Equal(await ExpectedDatasetsAsync("glioblastoma"), after);
    }

    [Fact]
    public async Task RegisterAlgorithm_BadInput_IsBadUserInputNamingEveryProblem_AndWritesNothing()
    {
        var body = await service.PostAsync("""
            mutation {
              registerAlgorithm(input: { slug: "test-bad-net", name: "Bad", metrics: "not json", url: "ftp://x.example",
                                         trainedOn: ["no-such-dataset"], targets: ["kidney"] }) { slug }
            }
            """);

        var error = body["errors"]![0]!;
        Assert.Equal("BAD_USER_INPUT", (string)error["extensions"]!["code"]!);
        var message = (string)error["message"]!;
        foreach (var part in new[] { "metrics", "url", "'no-such-dataset'", "'kidney'" })
            Assert.Contains(part, message, StringComparison.Ordinal);
        var lookup = await service.DataAsync("""{ algorithmByKey(key: "test-bad-net") { slug } }""");
        Assert.Null(lookup["algorithmByKey"]);
    }
}
