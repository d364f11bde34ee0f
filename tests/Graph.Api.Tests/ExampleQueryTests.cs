using Graph.Api.Ide;

namespace Graph.Api.Tests;

/// <summary>Every example in schema/examples (which the README shows) and the IDE's opening document run without errors.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class ExampleQueryTests(CatalogueFactory service)
{
    /// <summary>The paths of the example documents, in name order.</summary>
    public static IEnumerable<string> Files() =>
        Directory.GetFiles(Path.Combine(SchemaTests.RepositoryRoot(), "schema", "examples"), "*.graphql").Order(StringComparer.Ordinal);

    public static TheoryData<string> Examples() => [.. Files().Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_Runs_WithoutErrors(string file)
    {
        var query = await File.ReadAllTextAsync(Path.Combine(SchemaTests.RepositoryRoot(), "schema", "examples", file));
        var data = await service.DataAsync(query);
        Assert.NotEmpty(data);
    }

    [Fact]
    public async Task IdeOpeningDocument_Runs_AndFindsProstateMrPatients()
    {
        var data = await service.DataAsync(ExampleDocuments.IdeStart);
        Assert.True((int)data["patients"]!["totalCount"]! > 0);
    }
}
