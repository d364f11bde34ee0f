using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Graph.Testing;

namespace Graph.Api.Tests;

/// <summary>The seams between the production projects hold: none reaches into another's internals, and the service reads the
/// catalogue through its declared facade only.</summary>
public sealed partial class LayoutTests
{
    [Fact]
    public void NoProductionProject_LetsAnotherProductionProjectSeeItsInternals()
    {
        var src = Path.Combine(RepositoryFiles.Root, "src");
        var production = Directory.GetDirectories(src).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Graph.Api", production);
        Assert.Contains("Graph.Catalog", production);

        // Grants written as csproj items and as assembly attributes in code.
        var grants = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Grant().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(src, f), To: m.Groups["to"].Value)))
            .ToList();

        Assert.NotEmpty(grants); // the test projects' grants are found, so the pattern reads the files as written
        Assert.Empty(grants.Where(g => production.Contains(g.To)).Select(g => $"{g.File} lets {g.To} see its internals"));
    }

    // The README's diagram of the projects is the references the project files make, no more and no fewer.
    [Fact]
    public void ReadmeDiagram_ShowsTheProjectReferences()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));
        var diagram = readme[readme.IndexOf("```mermaid", readme.IndexOf("## Layout", StringComparison.Ordinal), StringComparison.Ordinal)..];
        diagram = diagram[..diagram.IndexOf("```\n", 10, StringComparison.Ordinal)];
        var names = DiagramNode().Matches(diagram).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["project"].Value);
        var drawn = DiagramEdge().Matches(diagram).Select(m => $"{names[m.Groups["from"].Value]} -> {names[m.Groups["to"].Value]}").ToHashSet();

        var src = Path.Combine(RepositoryFiles.Root, "src");
        var referenced = Directory.EnumerateFiles(src, "*.csproj", SearchOption.AllDirectories)
            .SelectMany(project => ProjectReference().Matches(File.ReadAllText(project))
                .Select(m => $"{Path.GetFileNameWithoutExtension(project)} -> {Path.GetFileNameWithoutExtension(m.Groups["path"].Value.Replace('\\', '/'))}"))
            .ToHashSet();

        Assert.NotEmpty(referenced);
        Assert.Equal(referenced.Order(StringComparer.Ordinal), drawn.Order(StringComparer.Ordinal));
    }

    // Graph.Ingest holds one folder per source and what they share; a folder uses only the folders listed for it, so each
    // source stays bounded (the demo generator does not reach into DICOM, reference data does not depend on the demo).
    [Fact]
    public void IngestSources_UseOnlyTheSharedFolders()
    {
        var allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["Records"] = [],
            ["Deidentification"] = [],
            ["Mappings"] = ["Records"],
            ["Vocabulary"] = ["Records", "Mappings"],
            ["Clinical"] = ["Records"],
            ["Algorithms"] = ["Records"],
            ["Studies"] = ["Deidentification"],
            ["Dicom"] = ["Studies", "Deidentification"],
            ["Harvest"] = ["Studies", "Deidentification"],
            ["Demo"] = ["Vocabulary"],
            ["Concepts"] = ["Records", "Mappings", "Vocabulary"],
        };
        var ingest = Path.Combine(RepositoryFiles.Root, "src", "Graph.Ingest");
        var folders = Directory.GetDirectories(ingest).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToList();
        Assert.Equal(allowed.Keys.Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal)); // a new folder says what it uses

        var crossings = folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(ingest, folder!), "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => IngestUsing().Matches(File.ReadAllText(file)).Select(m => (Folder: folder!, File: Path.GetFileName(file), Uses: m.Groups["folder"].Value))))
            .Where(u => u.Uses != u.Folder && !allowed[u.Folder].Contains(u.Uses))
            .Select(u => $"{u.Folder}/{u.File} uses Graph.Ingest.{u.Uses}")
            .ToList();
        Assert.Empty(crossings);
    }

    // Graph.Catalog declares its public API (the query facade) in PublicAPI.Shipped.txt, and the analyzer fails its build on an
    // undeclared public symbol; this checks the other side: what the service's compiled code names of Graph.Catalog is declared there.
    [Fact]
    public void Service_ReferencesOnlyTheCatalogueFacade()
    {
        var declared = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "src", "Graph.Catalog", "PublicAPI.Shipped.txt")).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Graph.Catalog.Querying.NodeConnection", declared);
        Assert.DoesNotContain(declared, line => line.StartsWith("Graph.Catalog.Storage", StringComparison.Ordinal));

        var referenced = CatalogTypesNamedBy(typeof(Program).Assembly.Location);

        Assert.Contains("Graph.Catalog.CatalogSnapshot", referenced); // the reader finds the references that are there
        Assert.Empty(referenced.Where(t => !declared.Contains(t)).Select(t => $"Graph.Api uses {t}, which is not in Graph.Catalog's declared facade"));
    }

    // The Graph.Catalog types an assembly's metadata refers to (nested types by their outermost type).
    private static SortedSet<string> CatalogTypesNamedBy(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            while (type.ResolutionScope.Kind == HandleKind.TypeReference)
                type = metadata.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
            if (type.ResolutionScope.Kind != HandleKind.AssemblyReference
                || metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name) != "Graph.Catalog")
                continue;
            var space = metadata.GetString(type.Namespace);
            names.Add(space.Length == 0 ? metadata.GetString(type.Name) : $"{space}.{metadata.GetString(type.Name)}");
        }

        return names;
    }

    [GeneratedRegex("""(?<id>\w+)\["?(?<project>Graph\.[\w.]+)""")]
    private static partial Regex DiagramNode();

    [GeneratedRegex("""(?<from>\w+)(?:\[[^\]]*\])? --> (?<to>\w+)""")]
    private static partial Regex DiagramEdge();

    [GeneratedRegex(@"<ProjectReference Include=""(?<path>[^""]+)""")]
    private static partial Regex ProjectReference();

    [GeneratedRegex("""Graph\.Ingest\.(?<folder>[A-Z][A-Za-z]+)""")]
    private static partial Regex IngestUsing();

    [GeneratedRegex("""InternalsVisibleTo(?:\s+Include=|\()\s*"(?<to>[^",]+)""")]
    private static partial Regex Grant();
}
