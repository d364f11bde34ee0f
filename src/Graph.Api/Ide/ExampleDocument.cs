namespace Graph.Api.Ide;

/// <summary>An example GraphQL document of schema/examples/.</summary>
/// <param name="Name">The file name without .graphql.</param>
/// <param name="Document">The document's text.</param>
internal sealed record ExampleDocument(string Name, string Document)
{
    /// <summary>The first comment line, or the name when the document starts with none.</summary>
    public string Title
    {
        get
        {
            var first = Document.ReplaceLineEndings("\n").Split('\n')[0].Trim();
            return first.StartsWith('#') ? first.TrimStart('#').Trim() : Name;
        }
    }
}
