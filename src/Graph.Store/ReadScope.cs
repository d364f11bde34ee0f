namespace Graph.Store;

/// <summary>Which nodes and relationships a scoped read returns: nodes of some labels and relationships of some types.</summary>
/// <param name="Labels">The node labels to read.</param>
/// <param name="RelationshipTypes">The relationship types to read, between any labels.</param>
public sealed record ReadScope(IReadOnlyCollection<string> Labels, IReadOnlyCollection<string> RelationshipTypes)
{
    /// <summary>Labels among <see cref="Labels"/> whose nodes are wanted for their keys only (a reader that checks a patient
    /// exists, or follows a diagnosis's links): they come without properties, which the store need not read.</summary>
    public IReadOnlyCollection<string> KeysOnly { get; init; } = [];

    /// <summary>Nodes of some labels and no relationships.</summary>
    public static ReadScope Nodes(params string[] labels) => new(labels, []);

    /// <summary>Whether a node of a label is in the scope.</summary>
    public bool Includes(string label) => Labels.Contains(label, StringComparer.Ordinal);

    /// <summary>Whether the nodes of a label come without properties.</summary>
    public bool IsKeysOnly(string label) => KeysOnly.Contains(label, StringComparer.Ordinal);

    /// <summary>Whether a relationship of a type is in the scope.</summary>
    public bool IncludesType(string type) => RelationshipTypes.Contains(type, StringComparer.Ordinal);
}
