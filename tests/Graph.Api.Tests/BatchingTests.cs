using Graph.Api.Schema.Execution;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests;

/// <summary>No N+1: related nodes are read from the index once per field per level, however many parents.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class BatchingTests(CatalogueFactory service)
{
    [Fact]
    public async Task PageOf50Patients_WithStudiesAndSeries_ReadsIndexOncePerLevel()
    {
        var executor = service.Services.GetRequiredService<CatalogExecutor>();
        var request = new GraphQLRequest
        {
            Query = "{ patients(first: 50) { nodes { pseudonym studies { nodes { studyInstanceUid series { nodes { modality } } } } } } }",
        };

        var (result, catalog) = await executor.ExecuteAsync(request, null, null, null, CancellationToken.None);

        Assert.Null(result.Errors);
        Assert.Equal(3, catalog.BatchReads);
    }
}
