using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog;

/// <summary>A node of a snapshot, as handed to readers.</summary>
public sealed class GraphNode
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

    /// <inheritdoc />
    public override string ToString() => $"{Kind.Label} '{Key}'";
}
