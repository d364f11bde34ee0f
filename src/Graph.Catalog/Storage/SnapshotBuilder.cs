using Graph.Domain;
using Graph.Store;

namespace Graph.Catalog.Storage;

/// <summary>Applies nodes and relationships streamed from the store to a snapshot, making the next one.</summary>
/// <remarks>Rows replace what the snapshot holds: the store sends each node and relationship whole.</remarks>
internal sealed class SnapshotBuilder(CatalogSnapshot source) : IChangeSink
{
    private readonly Dictionary<string, TableBuilder> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AdjacencyBuilder> _relations = new(StringComparer.Ordinal);

    /// <summary>Rows that could not be placed: unknown labels or relationships to unknown nodes.</summary>
    public int Skipped { get; private set; }

    public int Applied { get; private set; }

    public void Node(StoredNode node)
    {
        var kind = GraphModel.Kind(node.Node.Label);
        if (kind is null)
        {
            Skipped++;
            return;
        }

        var table = TableFor(kind);
        Applied++;
        if (!node.Deleted)
        {
            table.Put(node.Node);
            return;
        }

        var ordinal = table.Delete(node.Node.Key);
        if (ordinal < 0)
            return;
        foreach (var relation in GraphModel.Relations)
        {
            if (relation.From == kind || relation.To == kind)
                RelationFor(relation).RemoveNode(ordinal, relation.From == kind, relation.To == kind);
        }
    }

    public void Edge(StoredEdge edge)
    {
        var record = edge.Edge;
        var kind = GraphModel.Relation(record.Type, record.From.Label, record.To.Label);
        if (kind is null)
        {
            Skipped++;
            return;
        }

        var from = TableFor(kind.From).Find(record.From.Key);
        var to = TableFor(kind.To).Find(record.To.Key);
        if (from < 0 || to < 0)
        {
            Skipped++;
            return;
        }

        Applied++;
        if (edge.Deleted)
            RelationFor(kind).Remove(from, to);
        else
            RelationFor(kind).Add(from, to, record.Properties);
    }

    public CatalogSnapshot Build(long sequence)
    {
        var tables = source.Tables.ToDictionary(t => t.Key, t => _tables.TryGetValue(t.Key, out var b) ? b.Build() : t.Value, StringComparer.Ordinal);
        var relations = source.Relations.ToDictionary(r => r.Key, r => _relations.TryGetValue(r.Key, out var b) ? b.Build() : r.Value, StringComparer.Ordinal);
        return new CatalogSnapshot(sequence, tables, relations);
    }

    private TableBuilder TableFor(NodeKind kind)
    {
        if (!_tables.TryGetValue(kind.Label, out var builder))
        {
            builder = new TableBuilder(source.Tables[kind.Label]);
            _tables[kind.Label] = builder;
        }

        return builder;
    }

    private AdjacencyBuilder RelationFor(RelationKind kind)
    {
        if (!_relations.TryGetValue(kind.Id, out var builder))
        {
            builder = new AdjacencyBuilder(source.Relations[kind.Id]);
            _relations[kind.Id] = builder;
        }

        return builder;
    }
}
