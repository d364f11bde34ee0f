namespace Graph.Api.Ide;

/// <summary>Settings for the Banana Cake Pop IDE served beside the GraphQL endpoint.</summary>
internal sealed class IdeOptions
{
    /// <summary>Whether browsers that open the GraphQL path get the IDE.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The GraphQL document the IDE puts in a new editor tab, or null for an empty tab.</summary>
    public string? DefaultDocument { get; set; }
}
