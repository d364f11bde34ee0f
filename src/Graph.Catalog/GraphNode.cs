using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog;

/// <summary>A node of a snapshot, as handed to readers.</summary>
public sealed class GraphNode : IEquatable<GraphNode>
{
    internal GraphNode(CatalogSnapshot snapshot, NodeTable table, int ordinal)
    {
        Snapshot = snapshot;
        Table = table;
        Ordinal = ordinal;
    }

    /// <summary>The snapshot the node belongs to.</summary>
    public CatalogSnapshot Snapshot { get; }

    internal NodeTable Table { get; }

    internal int Ordinal { get; }

    /// <summary>The node kind.</summary>
    public NodeKind Kind => Table.Kind;

    /// <summary>The natural key.</summary>
    public string Key => Table.Key(Ordinal);

    /// <summary>Gets a property value, or null.</summary>
    public object? this[string field] => Table.Get(Ordinal, field);

    /// <summary>The live nodes a relationship field leads to from this node, in this node's snapshot.</summary>
    public IReadOnlyList<GraphNode> Related(RelationField field) => Snapshot.Related(this, field);

    /// <summary>The first node a relationship field leads to from this node, or null.</summary>
    public GraphNode? FirstRelated(RelationField field) => Snapshot.FirstRelated(this, field);

    /// <summary>The same node of the same catalogue version (views of one version share their nodes).</summary>
    public bool Equals(GraphNode? other) =>
        other is not null && Ordinal == other.Ordinal && Snapshot.Sequence == other.Snapshot.Sequence && ReferenceEquals(Kind, other.Kind);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as GraphNode);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Ordinal, Snapshot.Sequence);

    /// <inheritdoc />
    public override string ToString() => $"{Kind.Label} '{Key}'";
}
