namespace Graph.Domain;

/// <summary>A relationship between two nodes, with optional properties (mappings carry provenance).</summary>
public sealed record EdgeRecord(string Type, NodeRef From, NodeRef To, IReadOnlyDictionary<string, object?> Properties)
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    /// <summary>Creates a relationship without properties.</summary>
    public static EdgeRecord Of(string type, NodeRef from, NodeRef to) => new(type, from, to, None);

    /// <summary>Creates a relationship of a known kind without properties.</summary>
    public static EdgeRecord Of(RelationKind kind, string fromKey, string toKey) =>
        new(kind.Type, new NodeRef(kind.From.Label, fromKey), new NodeRef(kind.To.Label, toKey), None);

    /// <inheritdoc />
    public override string ToString() => $"({From})-[:{Type}]->({To})";
}
