namespace Graph.Domain;

/// <summary>Points at a node by label and natural key.</summary>
public readonly record struct NodeRef(string Label, string Key)
{
    /// <inheritdoc />
    public override string ToString() => $"{Label} '{Key}'";
}
