namespace Graph.Api.Tests;

/// <summary>Histogram.sum: the values of a numeric field added up, as the explorer shows a dataset's size.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class HistogramSumTests(CatalogueFactory service)
{
    [Fact]
    public async Task HistogramSum_SizeBytesOfDataset_EqualsSeriesAddedUp()
    {
        var slug = (string)(await service.DataAsync("{ datasets(first: 1) { nodes { slug } } }"))["datasets"]!["nodes"]![0]!["slug"]!;
        var summary = (await service.DataAsync("""
            query($slug: String!) { datasetByKey(key: $slug) { series { totalCount histogram(field: "sizeBytes", bins: 1) { count missing sum mean } } } }
            """, new { slug }))["datasetByKey"]!["series"]!;

        long total = 0;
        var seen = 0;
        string? after = null;
        do
        {
            var page = (await service.DataAsync("""
                query($slug: String!, $after: String) { datasetByKey(key: $slug) { series(first: 1000, after: $after) {
                  pageInfo { hasNextPage endCursor } nodes { sizeBytes } } } }
                """, new { slug, after }))["datasetByKey"]!["series"]!;
            foreach (var node in page["nodes"]!.AsArray())
            {
                seen++;
                total += node!["sizeBytes"] is { } size ? (long)size : 0;
            }

            after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string)page["pageInfo"]!["endCursor"]! : null;
        }
        while (after is not null);

        var histogram = summary["histogram"]!;
        Assert.Equal((int)summary["totalCount"]!, seen);
        Assert.True(total > 0);
        Assert.Equal(total, (long)(double)histogram["sum"]!);
        Assert.Equal((double)histogram["sum"]! / (int)histogram["count"]!, (double)histogram["mean"]!, 6);
    }

    [Fact]
    public async Task HistogramSum_NoValues_IsNull()
    {
        var histogram = (await service.DataAsync("""
            { series(where: { sliceThickness: { gt: 1000000 } }) { histogram(field: "sliceThickness", multiSelect: false) { count sum } } }
            """))["series"]!["histogram"]!;
        Assert.Equal(0, (int)histogram["count"]!);
        Assert.Null(histogram["sum"]);
    }
}
