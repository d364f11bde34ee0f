using System.Text.RegularExpressions;
using Graph.Testing;

namespace Graph.Api.Tests;

/// <summary>The seams between the production projects hold: none reaches into another's internals.</summary>
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

    [GeneratedRegex("""InternalsVisibleTo(?:\s+Include=|\()\s*"(?<to>[^",]+)""")]
    private static partial Regex Grant();
}
