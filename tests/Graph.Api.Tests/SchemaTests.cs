using Graph.Api.Schema;
using GraphQL;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests;

/// <summary>The printed schema in schema/graph.graphql is the running schema.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class SchemaTests(CatalogueFactory service)
{
    [Fact]
    public void PrintedSchema_EqualsCommittedSchemaFile()
    {
        var schema = service.Services.GetRequiredService<CatalogSchema>();
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var committed = Path.Combine(RepositoryRoot(), "schema", "graph.graphql");

        if (!File.Exists(committed) || File.ReadAllText(committed) != printed)
        {
            File.WriteAllText(committed + ".received", printed);
            Assert.Fail($"The running schema differs from {committed}. Review {committed}.received and, if the change is intended, move it over the committed file.");
        }
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Graph.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new DirectoryNotFoundException("Graph.sln not found above the test folder.");
    }
}
