using System.Text.Json.Nodes;

namespace Graph.Api.Tests;

[Collection(CatalogueCollection.Name)]
public sealed class PagingTests(CatalogueFactory service)
{
    private const string PatientsPage = """
        query Page($first: Int, $after: String, $last: Int, $before: String) {
          patients(first: $first, after: $after, last: $last, before: $before) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges {
              cursor
              node {
                id pseudonym
                diagnoses { nodes { diagnosisId cancerType { code name } } }
                studies(first: 10) { totalCount nodes { studyInstanceUid patient { pseudonym } series(first: 50) { totalCount nodes { seriesInstanceUid modality study { studyInstanceUid } } } } }
              }
            }
          }
        }
        """;

    [Fact]
    public async Task Patients_ForwardThenBackward_ReturnsEveryPatientOnceInConsistentOrder()
    {
        var forward = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var connection = (await service.DataAsync(PatientsPage, new { first = 37, after }))["patients"]!;
            Assert.Equal(CatalogueFactory.Patients, (int)connection["totalCount"]!);
            var edges = connection["edges"]!.AsArray();
            forward.AddRange(edges.Select(e => (string)e!["node"]!["pseudonym"]!));
            Assert.Equal(pages > 0, (bool)connection["pageInfo"]!["hasPreviousPage"]!);
            Assert.Equal((string?)edges[^1]!["cursor"], (string?)connection["pageInfo"]!["endCursor"]);
            pages++;
            if (!(bool)connection["pageInfo"]!["hasNextPage"]!)
                break;
            after = (string)connection["pageInfo"]!["endCursor"]!;
        }

        Assert.Equal(CatalogueFactory.Patients, forward.Count);
        Assert.Equal(forward.Count, forward.Distinct().Count());
        Assert.Equal((CatalogueFactory.Patients + 36) / 37, pages);

        var backward = new List<string>();
        string? before = null;
        while (true)
        {
            var connection = (await service.DataAsync(PatientsPage, new { last = 41, before }))["patients"]!;
            backward.InsertRange(0, connection["edges"]!.AsArray().Select(e => (string)e!["node"]!["pseudonym"]!));
            if (!(bool)connection["pageInfo"]!["hasPreviousPage"]!)
                break;
            before = (string)connection["pageInfo"]!["startCursor"]!;
        }

        Assert.Equal(forward, backward);
    }

    [Fact]
    public async Task NestedPage_StudiesAndSeries_PointBackToTheirParents()
    {
        var edges = (await service.DataAsync(PatientsPage, new { first = 20 }))["patients"]!["edges"]!.AsArray();
        Assert.Equal(20, edges.Count);
        foreach (var patient in edges.Select(e => e!["node"]!))
        {
            Assert.NotEmpty(patient["diagnoses"]!["nodes"]!.AsArray());
            Assert.All(patient["diagnoses"]!["nodes"]!.AsArray(), d => Assert.NotNull(d!["cancerType"]!["code"]));
            var studies = patient["studies"]!;
            Assert.True((int)studies["totalCount"]! >= 1);
            foreach (var study in studies["nodes"]!.AsArray())
            {
                Assert.Equal((string?)patient["pseudonym"], (string?)study!["patient"]!["pseudonym"]);
                var series = study["series"]!["nodes"]!.AsArray();
                Assert.Equal((int)study["series"]!["totalCount"]!, series.Count);
                Assert.All(series, s => Assert.Equal((string?)study["studyInstanceUid"], (string?)s!["study"]!["studyInstanceUid"]));
            }
        }
    }

    [Fact]
    public async Task NestedConnection_CursorsWithinOneParent_PageThroughItsSeries()
    {
        const string query = """
            query($key: String!, $after: String) { studyByKey(key: $key) { series(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { seriesInstanceUid } } } }
            """;
        var studies = (await service.DataAsync("{ studies(first: 200) { nodes { studyInstanceUid series { totalCount } } } }"))["studies"]!["nodes"]!.AsArray();
        var study = studies.First(s => (int)s!["series"]!["totalCount"]! >= 5)!;
        var key = (string)study["studyInstanceUid"]!;
        var seen = new List<string>();
        string? after = null;
        do
        {
            var series = (await service.DataAsync(query, new { key, after }))["studyByKey"]!["series"]!;
            seen.AddRange(series["nodes"]!.AsArray().Select(n => (string)n!["seriesInstanceUid"]!));
            after = (bool)series["pageInfo"]!["hasNextPage"]! ? (string)series["pageInfo"]!["endCursor"]! : null;
        }
        while (after is not null);

        Assert.Equal((int)study["series"]!["totalCount"]!, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("{ patients(first: -1) { totalCount } }", "'first' must be between 0 and 1000")]
    [InlineData("{ patients(first: 100000) { totalCount } }", "'first' must be between 0 and 1000")]
    [InlineData("{ patients(last: 5000) { totalCount } }", "'last' must be between 0 and 1000")]
    [InlineData("{ patients(after: \"not-a-cursor\") { totalCount } }", "is not a cursor of this service")]
    [InlineData("{ node(id: \"garbage\") { id } }", "is not a global id")]
    [InlineData("{ series(where: { sliceThickness: { eq: \"thin\" } }) { totalCount } }", "")]
    public async Task BadArguments_GiveBadUserInputOrValidationError(string query, string message)
    {
        var body = await service.PostAsync(query);

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Contains(message, (string)error["message"]!, StringComparison.Ordinal);
        var code = (string)error["extensions"]!["code"]!;
        Assert.True(code is "BAD_USER_INPUT" or "ARGUMENTS_OF_CORRECT_TYPE", code);
    }

    [Fact]
    public async Task FirstZero_ReturnsEmptyPageWithCounts()
    {
        var connection = (await service.DataAsync("{ series(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }"))["series"]!;
        Assert.Empty(connection["edges"]!.AsArray());
        Assert.True((int)connection["totalCount"]! > 0);
        Assert.True((bool)connection["pageInfo"]!["hasNextPage"]!);
    }

    internal static JsonArray Nodes(JsonNode connection) => connection["nodes"]!.AsArray();
}
