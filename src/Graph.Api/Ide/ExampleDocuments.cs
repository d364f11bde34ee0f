namespace Graph.Api.Ide;

/// <summary>The document the IDE opens with: schema/examples/cohort.graphql, embedded at build time (and run by a test).</summary>
internal static class ExampleDocuments
{
    public static string IdeStart { get; } = Read("ide-start.graphql");

    private static string Read(string name)
    {
        using var stream = typeof(ExampleDocuments).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
