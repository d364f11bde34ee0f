using System.Diagnostics;
using System.Text.Json.Nodes;
using Graph.Testing;

namespace Graph.Api.Tests;

/// <summary>
/// A new node field that is filterable, sortable and facetable takes one change, in the domain model: this test copies the
/// source, adds a field to <c>GraphModel.Series</c> and nothing else, builds the service from the copy, writes values of the
/// field through the writer and asks the running service to filter, sort and count by it (the README's "Adding a field").
/// </summary>
public sealed class AddFieldTests
{
    private const string Field = "reviewStatus";

    // The one line a maintainer adds to the model.
    private const string Declaration = $"""            S("{Field}", "Whether a radiologist has reviewed the series: done or pending.", facet: true, maxLength: 16),""";

    // The projects the service needs; the explorer and the IDE are not built (they hold no field list).
    private static readonly string[] Projects =
        ["Graph.Domain", "Graph.Store", "Graph.Store.Sqlite", "Graph.Store.Neo4j", "Graph.Hosting", "Graph.Catalog", "Graph.Dicom", "Graph.Ingest", "Graph.Api"];

    [Fact]
    public async Task NewField_DeclaredInTheModelOnly_IsFilterableSortableAndFacetable()
    {
        using var copy = new TempDirectory();
        CopySource(copy.Path);
        var model = Path.Combine(copy.Path, "src", "Graph.Domain", "GraphModel.cs");
        var text = await File.ReadAllTextAsync(model);
        var series = text.IndexOf("public static readonly NodeKind Series = new(", StringComparison.Ordinal);
        var fields = text.IndexOf("[\n", series, StringComparison.Ordinal) + 2;
        Assert.True(series > 0 && fields > series, "GraphModel.Series is declared as the test expects");
        await File.WriteAllTextAsync(model, text[..fields] + Declaration + "\n" + text[fields..]);

        WriteWriterProgram(Path.Combine(copy.Path, "writer"));
        var build = Path.Combine(copy.Path, "out");
        await RunAsync(copy.Path, "build", "writer/writer.csproj", "-c", "Release", "-o", Path.Combine(build, "writer"));
        await RunAsync(copy.Path, "build", "src/Graph.Api/Graph.Api.csproj", "-c", "Release", "-o", Path.Combine(build, "api"),
            "-p:ExplorerBuild=false", "-p:BananaCakePopInstall=false");

        // A small demo catalogue, then the new field on its series: every third done, the others pending.
        var data = Path.Combine(copy.Path, "data");
        var written = JsonNode.Parse(await RunAsync(copy.Path, Path.Combine(build, "writer", "writer.dll"), data))!;
        var done = (int)written["done"]!;
        var pending = (int)written["pending"]!;
        Assert.True(done > 0 && pending > done);

        // A curator reads every record, so the counts are the writer's (an anonymous caller would see the open datasets only).
        await using var service = await ServiceProcess.StartAsync(Path.Combine(build, "api", "Graph.Api.dll"), data, "curator", null,
            ["--seed-demo", "false", "--Graph:EnableIde", "false", "--Graph:EnableExplorer", "false"], TimeSpan.FromMinutes(2));
        var (_, body) = await service.PostAsync($$"""
            {
              done: series(where: { {{Field}}: { eq: "done" } }) { totalCount }
              notDone: series(where: { {{Field}}: { neq: "done" } }) { totalCount }
              all: series { totalCount facets(fields: ["{{Field}}"]) { values { value count } missing } }
              first: series(first: 1, order: [{ {{Field}}: ASC }]) { nodes { {{Field}} } }
              last: series(first: 1, order: [{ {{Field}}: DESC }]) { nodes { {{Field}} } }
            }
            """);
        Assert.Null(body["errors"]);
        var result = body["data"]!;
        var total = (int)result["all"]!["totalCount"]!;

        Assert.Equal(done, (int)result["done"]!["totalCount"]!);
        Assert.Equal(total - done, (int)result["notDone"]!["totalCount"]!);
        var facet = result["all"]!["facets"]![0]!;
        Assert.Equal(
            [("pending", pending), ("done", done)],
            facet["values"]!.AsArray().Select(v => ((string)v!["value"]!, (int)v["count"]!)).ToList());
        Assert.Equal(total - done - pending, (int)facet["missing"]!);
        Assert.Equal("done", (string?)result["first"]!["nodes"]![0]![Field]);
        Assert.Equal("pending", (string?)result["last"]!["nodes"]![0]![Field]);
    }

    private static void CopySource(string to)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
            File.Copy(Path.Combine(RepositoryFiles.Root, file), Path.Combine(to, file));
        foreach (var project in Projects)
            TempDirectory.CopyTree(Path.Combine(RepositoryFiles.Root, "src", project), Path.Combine(to, "src", project), "bin", "obj", "node_modules");
        Directory.CreateDirectory(Path.Combine(to, "src", "Graph.Explorer"));
        File.Copy(Path.Combine(RepositoryFiles.Root, "src", "Graph.Explorer", "Graph.Explorer.targets"), Path.Combine(to, "src", "Graph.Explorer", "Graph.Explorer.targets"));
        TempDirectory.CopyTree(Path.Combine(RepositoryFiles.Root, "schema"), Path.Combine(to, "schema"));
    }

    // Seeds the demo catalogue and sets the new field on its series through the writer of the copy, whose model knows the field.
    private static void WriteWriterProgram(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "writer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../src/Graph.Ingest/Graph.Ingest.csproj" />
                <ProjectReference Include="../src/Graph.Store.Sqlite/Graph.Store.Sqlite.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), $$"""
            using Graph.Domain;
            using Graph.Ingest.Demo;
            using Graph.Store;
            using Graph.Store.Sqlite;
            using Microsoft.Extensions.Logging.Abstractions;

            Directory.CreateDirectory(args[0]);
            var store = new SqliteGraphStore(Path.Combine(args[0], "graph.db"));
            await store.EnsureSchemaAsync(CancellationToken.None);
            var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
            await DemoSeeder.SeedAsync(writer, new DemoOptions { Patients = 12 }, null, CancellationToken.None);
            var sink = new Series();
            await store.ReadAllAsync(sink, ReadScope.Nodes("Series"), CancellationToken.None);
            var changes = new ChangeSet { Source = "add-field-test" };
            int done = 0, pending = 0;
            foreach (var (record, i) in sink.Records.Take(sink.Records.Count - 5).Select((r, i) => (r, i)))
            {
                var value = i % 3 == 0 ? "done" : "pending";
                _ = value == "done" ? done++ : pending++;
                changes.Add(record with { Properties = new Dictionary<string, object?>(record.Properties) { ["{{Field}}"] = value } });
            }

            await writer.WriteAsync(changes, CancellationToken.None);
            Console.WriteLine("{\"done\": " + done + ", \"pending\": " + pending + "}");

            sealed class Series : IChangeSink
            {
                public List<NodeRecord> Records { get; } = [];

                public void Node(StoredNode node) => Records.Add(node.Node);

                public void Edge(StoredEdge edge)
                {
                }
            }
            """);
    }

    // dotnet with the arguments in the copy, to its end; the output, or a failure that shows it.
    private static async Task<string> RunAsync(string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var (exit, output, error) = await DotnetProgram.RunAsync(info, TimeSpan.FromMinutes(10));
        Assert.True(exit == 0, $"dotnet {string.Join(' ', arguments)} exited with {exit}:\n{output}\n{error}");
        return output;
    }
}
