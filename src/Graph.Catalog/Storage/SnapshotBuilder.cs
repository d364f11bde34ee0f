using Graph.Domain;
using Graph.Store;

namespace Graph.Catalog.Storage;

/// <summary>Applies nodes and relationships streamed from the store to a snapshot, making the next one.</summary>
/// <remarks>Rows replace what the snapshot holds: the store sends each node and relationship whole.</remarks>
internal sealed class SnapshotBuilder(CatalogSnapshot source) : IChangeSink
{
    // The start labels of the relationship kinds derived from coded fields, whose changed nodes get their links re-derived.
    private static readonly HashSet<string> CodedKinds = GraphModel.Relations.Where(r => r.FromCodedFields).Select(r => r.From.Label).ToHashSet(StringComparer.Ordinal);
    private readonly Dictionary<string, TableBuilder> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AdjacencyBuilder> _relations = new(StringComparer.Ordinal);
    // Past this many changed start nodes a whole rebuild is cheaper than re-deriving each (a load, a large ingest), so they are no longer collected.
    private const int MaxTouched = 50_000;
    private readonly Dictionary<string, HashSet<int>?> _coded = new(StringComparer.Ordinal);

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
            var put = table.Put(node.Node);
            Touch(kind, put);
            return;
        }

        Touch(kind, table.Find(node.Node.Key));

        var ordinal = table.Delete(node.Node.Key);
        if (ordinal < 0)
            return;
        foreach (var relation in GraphModel.Relations)
        {
            if ((relation.From == kind || relation.To == kind) && !relation.FromCodedFields)
                RelationFor(relation).RemoveNode(ordinal, relation.From == kind, relation.To == kind);
        }
    }

    public void Edge(StoredEdge edge)
    {
        var record = edge.Edge;
        var kind = GraphModel.Relation(record.Type, record.From.Label, record.To.Label);
        if (kind is null || kind.FromCodedFields)
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

    /// <summary>Makes the next snapshot; it also knows what changed, so the values derived from this one are patched rather than rebuilt.</summary>
    public CatalogSnapshot Build(long sequence)
    {
        var changes = new SnapshotChanges.Builder();
        var tables = source.Tables.ToDictionary(t => t.Key, t => _tables.TryGetValue(t.Key, out var b) ? b.Build() : t.Value, StringComparer.Ordinal);
        var relations = source.Relations.ToDictionary(r => r.Key, r => _relations.TryGetValue(r.Key, out var b) ? b.Build() : r.Value, StringComparer.Ordinal);
        foreach (var table in _tables.Values)
            changes.Node(table.Kind, table.Touched);
        foreach (var relation in _relations.Values)
            relation.Report(changes);
        foreach (var kind in GraphModel.Relations.Where(r => r.FromCodedFields))
            relations[kind.Id] = DeriveCoded(kind, tables[kind.From.Label], tables[kind.To.Label], changes);
        return new CatalogSnapshot(sequence, tables, relations, source, changes.Build());
    }

    /// <summary>The links of a derived kind: rebuilt whole when concepts or many start nodes changed, else re-derived for the start nodes that changed.</summary>
    private Adjacency DeriveCoded(RelationKind kind, NodeTable from, NodeTable concepts, SnapshotChanges.Builder changes)
    {
        var previous = source.Relations[kind.Id];
        if (!_coded.TryGetValue(kind.From.Label, out var touched) && !_tables.ContainsKey(kind.To.Label))
            return previous;
        if (touched is not null && !_tables.ContainsKey(kind.To.Label))
            return CodedLinks.Update(previous, from, concepts, touched.Where(o => o >= 0), changes);
        changes.Side(kind, true, null);
        changes.Side(kind, false, null);
        return CodedLinks.Build(kind, from, concepts);
    }

    /// <summary>Notes a changed node of a kind whose derived links follow its fields; past <see cref="MaxTouched"/>, notes that all changed.</summary>
    private void Touch(NodeKind kind, int ordinal)
    {
        if (!CodedKinds.Contains(kind.Label))
            return;
        if (!_coded.TryGetValue(kind.Label, out var set))
            _coded[kind.Label] = set = [];
        if (set is null)
            return;
        set.Add(ordinal);
        if (set.Count > MaxTouched)
            _coded[kind.Label] = null;
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
