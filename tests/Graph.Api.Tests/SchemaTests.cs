using Graph.Api.Schema.Types;
using GraphQL;
using GraphQL.Types;
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

    /// <summary>
    /// Every field that counts, sums or measures (a number, or an object with numbers) declares where its value comes from: a readable
    /// record, the caller's view, the disclosure-control layer, a public fact or the caller's own input. A new aggregate field fails
    /// here until it says so, and one that counts records the caller may not read can only get its numbers from the layer.
    /// </summary>
    [Fact]
    public void NumericFields_EachDeclareWhereTheirValueComesFrom()
    {
        var schema = service.Services.GetRequiredService<CatalogSchema>();
        var objects = schema.AllTypes.OfType<IObjectGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)).ToList();
        static IGraphType Unwrap(IGraphType type) => type switch
        {
            NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType!),
            ListGraphType list => Unwrap(list.ResolvedType!),
            _ => type,
        };
        static bool IsNumber(IGraphType type) => type is IntGraphType or LongGraphType or FloatGraphType;
        // Nodes are records, read through the caller's view; their own numeric fields are checked like any other.
        var counting = objects.Where(t => !t.ResolvedInterfaces.Any(i => i.Name == "Node") && t.Fields.Any(f => IsNumber(Unwrap(f.ResolvedType!)))).Select(t => t.Name).ToHashSet();
        var undeclared = objects
            .SelectMany(t => t.Fields.Select(f => (Type: t.Name, Field: f)))
            .Where(x => IsNumber(Unwrap(x.Field.ResolvedType!)) || counting.Contains(Unwrap(x.Field.ResolvedType!).Name))
            .Where(x => DisclosureKinds.Of(x.Field) is null)
            .Select(x => $"{x.Type}.{x.Field.Name}")
            .ToList();
        Assert.True(undeclared.Count == 0, "Fields that count without declaring where the value comes from: " + string.Join(", ", undeclared));

        // What the layer answers is typed as protected; nothing typed protected comes from anywhere else.
        var protectedTypes = new[] { "ProtectedCount", "ProtectedSize", "ProtectedFacet", "RecordSummary", "CohortComparison", "CohortDrift", "CatalogueStatistics" };
        var wrong = objects.SelectMany(t => t.Fields.Select(f => (Type: t.Name, Field: f)))
            .Where(x => protectedTypes.Contains(Unwrap(x.Field.ResolvedType!).Name) && DisclosureKinds.Of(x.Field) != DisclosureKind.Protected)
            .Select(x => $"{x.Type}.{x.Field.Name}")
            .ToList();
        Assert.True(wrong.Count == 0, "Fields of protected types not declared as protected: " + string.Join(", ", wrong));
    }

    internal static string RepositoryRoot() => Graph.Testing.RepositoryFiles.Root;
}
