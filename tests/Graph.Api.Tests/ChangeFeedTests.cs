using Graph.Domain;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Api.Tests;

/// <summary>Writes by another process (here another store handle on the same file, as the CLI has) reach the service.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class ChangeFeedTests(CatalogueFactory service)
{
    [Fact]
    public async Task WriteThroughAnotherHandle_IsSeenWithinSeconds()
    {
        await using var store = new SqliteGraphStore(service.DatabasePath);
        var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
        var dataset = NodeRecord.Of(GraphModel.Dataset, "feed-test-dataset", ("title", "Written by another process"), ("accessTier", "open"));
        await writer.WriteAsync(new ChangeSet { Source = "test" }.Add(dataset), CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var data = await service.DataAsync("""{ datasetByKey(key: "feed-test-dataset") { title } }""");
            if (data["datasetByKey"] is { } found)
            {
                Assert.Equal("Written by another process", (string?)found["title"]);
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "The service did not see the write within 10 s.");
            await Task.Delay(100);
        }

        var deletion = new ChangeSet { Source = "test" };
        deletion.DeletedNodes.Add(dataset.Ref);
        await writer.WriteAsync(deletion, CancellationToken.None);
        deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await service.DataAsync("""{ datasetByKey(key: "feed-test-dataset") { title } }"""))["datasetByKey"] is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The service did not see the deletion within 10 s.");
            await Task.Delay(100);
        }
    }
}
