using System.Text.Json.Nodes;
using Graph.Api.Tests.Security;
using Graph.Domain;
using Graph.Ingest.Vocabulary;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Api.Tests;

/// <summary>A catalogue without the demo still holds the cancer types and the seed vocabulary, and its series link to concepts.</summary>
public sealed class ReferenceDataTests
{
    [Fact]
    public async Task Start_EmptyStoreWithoutDemo_LoadsCancerTypesAndVocabulary()
    {
        await using var factory = await ConfiguredService.Create(new Dictionary<string, string> { ["Graph:SeedDemoOnEmptyStore"] = "false" }).StartAsync();
        var (status, body) = await factory.SendAsync(new
        {
            query = """
                {
                  cancerTypes { totalCount nodes { code concepts { nodes { curie } } } }
                  concepts { totalCount }
                  glioma: concepts(where: { curie: { concept: { curie: "NCIT:C3059", includeNarrower: true } } }) { nodes { curie } }
                  series { totalCount }
                }
                """,
        });
        Assert.Equal(200, status);
        var data = body["data"]!;
        Assert.Equal(9, (int)data["cancerTypes"]!["totalCount"]!);
        Assert.All(data["cancerTypes"]!["nodes"]!.AsArray(), t => Assert.True(t!["concepts"]!["nodes"]!.AsArray().Count >= 2, t.ToJsonString()));
        Assert.Equal(SeedVocabulary.Concepts.Count, (int)data["concepts"]!["totalCount"]!);
        Assert.Contains("NCIT:C3058", data["glioma"]!["nodes"]!.AsArray().Select(c => (string?)c!["curie"]));
        Assert.Equal(0, (int)data["series"]!["totalCount"]!);
    }

    [Fact]
    public async Task Write_SeriesAfterStart_LinksToItsModalityAndBodyPartConcepts()
    {
        await using var factory = await ConfiguredService.Create(new Dictionary<string, string>
        {
            ["Graph:SeedDemoOnEmptyStore"] = "false",
            ["Graph:FollowIntervalSeconds"] = "0.1",
        }).StartAsync();
        await using (var store = new SqliteGraphStore(Path.Combine(factory.DataDirectory, "graph.db")))
        {
            var set = new ChangeSet { Source = "test" }
                .Add(NodeRecord.Of(GraphModel.Series, "1.2.826.0.1.3680043.2.1125.1", ("modality", "MR"), ("bodyPart", "PROSTATE")));
            await new GraphWriter(store, [], NullLogger<GraphWriter>.Instance).WriteAsync(set, CancellationToken.None);
        }

        JsonNode? series = null;
        for (var attempt = 0; attempt < 100 && series is null; attempt++)
        {
            var (_, body) = await factory.SendAsync(new { query = "{ series { nodes { concepts { nodes { curie label } } } } }" });
            series = body["data"]!["series"]!["nodes"]!.AsArray().FirstOrDefault();
            if (series is null)
                await Task.Delay(100);
        }

        Assert.NotNull(series);
        Assert.Equal(["DCM:MR", "DCMBP:PROSTATE"], series["concepts"]!["nodes"]!.AsArray().Select(c => (string)c!["curie"]!).Order(StringComparer.Ordinal));
    }
}
