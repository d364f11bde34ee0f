namespace Graph.Api.Ide;

/// <summary>The documents the IDE offers: schema/examples/*.graphql and the one it opens with (cohort.graphql, the README's
/// example), embedded at build time (and run by a test), and the script that opens them.</summary>
internal static class ExampleDocuments
{
    private const string Prefix = "examples/";

    public static string IdeStart { get; } = Read(Prefix + "cohort.graphql");

    /// <summary>The script the IDE page loads before Banana Cake Pop.</summary>
    public static string StartScript { get; } = Read("ide-start.js");

    /// <summary>Every example by name (its file name without .graphql), the start document first, with its first comment line as title.</summary>
    public static IReadOnlyList<ExampleDocument> All { get; } = typeof(ExampleDocuments).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => new ExampleDocument(n[Prefix.Length..^".graphql".Length], Read(n)))
        .OrderBy(e => e.Document != IdeStart)
        .ThenBy(e => e.Name, StringComparer.Ordinal)
        .ToList();

    private static string Read(string name)
    {
        using var stream = typeof(ExampleDocuments).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
