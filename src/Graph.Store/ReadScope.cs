namespace Graph.Store;

/// <summary>Which nodes and relationships a scoped read returns: nodes of some labels and relationships of some types,
/// optionally only those of some keys.</summary>
/// <param name="Labels">The node labels to read.</param>
/// <param name="RelationshipTypes">The relationship types to read, between any labels.</param>
public sealed record ReadScope(IReadOnlyCollection<string> Labels, IReadOnlyCollection<string> RelationshipTypes)
{
    /// <summary>Labels among <see cref="Labels"/> whose nodes are wanted for their keys only (a reader that checks a patient
    /// exists, or follows a diagnosis's links): they come without properties, which the store need not read.</summary>
    public IReadOnlyCollection<string> KeysOnly { get; init; } = [];

    /// <summary>When set, only the nodes whose key is among these and the relationships whose end node's key is among these
    /// (a reader that asks about the studies and series it is about to write); null reads every key, empty reads nothing.</summary>
    /// <remarks>A relationship is matched by its end (<c>to</c>) node only, whatever its start node: so
    /// <c>HAS_STUDY</c> of a study's key gives that study's patients, <c>HAS_SERIES</c> of a series' key its studies. The
    /// keys are one set for every label of the scope, so a key of one label also selects a node of another label that
    /// happens to share it; a reader that cares filters by label. Stores read these by key (a primary key or index), not
    /// by scanning the labels.</remarks>
    public IReadOnlyCollection<string>? Keys { get; init; }

    /// <summary>Nodes of some labels and no relationships.</summary>
    public static ReadScope Nodes(params string[] labels) => new(labels, []);

    /// <summary>The same scope, only of some keys (see <see cref="Keys"/>).</summary>
    public ReadScope OfKeys(IEnumerable<string> keys) => this with { Keys = keys.Distinct(StringComparer.Ordinal).ToArray() };

    /// <summary>Whether a node of a label is in the scope.</summary>
    public bool Includes(string label) => Labels.Contains(label, StringComparer.Ordinal);

    /// <summary>Whether the nodes of a label come without properties.</summary>
    public bool IsKeysOnly(string label) => KeysOnly.Contains(label, StringComparer.Ordinal);

    /// <summary>Whether a relationship of a type is in the scope.</summary>
    public bool IncludesType(string type) => RelationshipTypes.Contains(type, StringComparer.Ordinal);
}
