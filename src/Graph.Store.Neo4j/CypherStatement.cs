namespace Graph.Store.Neo4j;

/// <summary>One Cypher statement the adapter can send: a name for messages and logs, its text, and sample parameters for the linter.</summary>
internal sealed record CypherStatement(string Name, string Text, IReadOnlyDictionary<string, object?> SampleParameters)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
