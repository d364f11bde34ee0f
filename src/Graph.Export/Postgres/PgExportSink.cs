using System.Text;
using Graph.Domain;
using Graph.Store;

namespace Graph.Export.Postgres;

/// <summary>Receives the store's nodes and relationships and keeps them as CSV rows with integer ids, rejecting (and reporting)
/// what the tables cannot hold: unknown labels or relationship kinds, relationships to missing nodes, a second end where one is allowed.</summary>
internal sealed class PgExportSink(PgLayout layout) : IChangeSink
{
    private readonly Dictionary<PgNodeTable, NodeRows> _nodes = layout.NodeTables.ToDictionary(t => t, _ => new NodeRows());
    private readonly Dictionary<PgJoinTable, List<string>> _joins = layout.JoinTables.ToDictionary(j => j, _ => new List<string>());

    public List<string> Rejected { get; } = [];

    public int RowCount(PgNodeTable table) => _nodes[table].Lines.Count;

    public int RowCount(PgJoinTable table) => _joins[table].Count;

    public void Node(StoredNode node)
    {
        if (node.Deleted)
            return;
        var record = node.Node;
        if (layout.Table(record.Label) is not { } table)
        {
            Rejected.Add($"{record.Ref}: the label is not part of the graph model.");
            return;
        }

        var rows = _nodes[table];
        if (rows.Ids.ContainsKey(record.Key))
        {
            Rejected.Add($"{record.Ref}: the node was read twice; the second copy is left out.");
            return;
        }

        var id = rows.Lines.Count + 1;
        var line = new StringBuilder();
        line.Append(id).Append(',');
        PgCsv.Append(line, record.Key);
        foreach (var column in table.Fields)
        {
            line.Append(',');
            PgCsv.Append(line, record[column.Field.Name]);
        }

        rows.Ids.Add(record.Key, id);
        rows.Lines.Add(line.ToString());
    }

    public void Edge(StoredEdge edge)
    {
        if (edge.Deleted)
            return;
        var record = edge.Edge;
        var relation = GraphModel.Relation(record.Type, record.From.Label, record.To.Label);
        if (relation is null || layout.Holder(relation) is not { } holder)
        {
            Rejected.Add($"{record}: the relationship kind is not part of the graph model.");
            return;
        }

        var fromId = Id(record.From);
        var toId = Id(record.To);
        if (fromId is null || toId is null)
        {
            Rejected.Add($"{record}: {(fromId is null ? record.From : record.To)} does not exist.");
            return;
        }

        if (holder is PgForeignKey key)
        {
            var owner = _nodes[layout.Table(key.OwnerIsFrom ? record.From.Label : record.To.Label)!];
            var ownerId = key.OwnerIsFrom ? fromId.Value : toId.Value;
            var value = key.OwnerIsFrom ? toId.Value : fromId.Value;
            var column = owner.Column(key, owner.Lines.Count);
            if (column[ownerId - 1] != 0 && column[ownerId - 1] != value)
            {
                Rejected.Add($"{record}: {(key.OwnerIsFrom ? record.From : record.To)} already has its one {relation.Type} relationship.");
                return;
            }

            column[ownerId - 1] = value;
            return;
        }

        var join = (PgJoinTable)holder;
        var line = new StringBuilder();
        line.Append(fromId.Value).Append(',').Append(toId.Value);
        foreach (var property in join.Properties)
        {
            line.Append(',');
            PgCsv.Append(line, PropertyValues.Coerce(property.Field, record.Properties.GetValueOrDefault(property.Field.Name), out _));
        }

        _joins[join].Add(line.ToString());
    }

    /// <summary>Writes one CSV file per table, with a header row.</summary>
    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        foreach (var (table, rows) in _nodes)
        {
            var columns = table.ForeignKeys.Select(k => rows.Column(k, rows.Lines.Count)).ToArray();
            await WriteFileAsync(folder, table.Name, table.ColumnNames, Lines(), cancellationToken);

            IEnumerable<string> Lines()
            {
                for (var i = 0; i < rows.Lines.Count; i++)
                {
                    if (columns.Length == 0)
                    {
                        yield return rows.Lines[i];
                        continue;
                    }

                    var line = new StringBuilder(rows.Lines[i]);
                    foreach (var column in columns)
                    {
                        line.Append(',');
                        if (column[i] != 0)
                            line.Append(column[i]);
                    }

                    yield return line.ToString();
                }
            }
        }

        foreach (var (join, lines) in _joins)
            await WriteFileAsync(folder, join.Name, join.ColumnNames, lines, cancellationToken);
    }

    private static async Task WriteFileAsync(string folder, string table, IEnumerable<string> columns, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(Path.Combine(folder, PgScripts.CsvFile(table)), append: false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync(string.Join(',', columns).AsMemory(), cancellationToken);
        await writer.WriteAsync("\n".AsMemory(), cancellationToken);
        foreach (var line in lines)
        {
            await writer.WriteAsync(line.AsMemory(), cancellationToken);
            await writer.WriteAsync("\n".AsMemory(), cancellationToken);
        }
    }

    private int? Id(NodeRef node) =>
        layout.Table(node.Label) is { } table && _nodes[table].Ids.TryGetValue(node.Key, out var id) ? id : null;

    /// <summary>The rows of one node table and its foreign key columns (0 where a node has no such relationship).</summary>
    private sealed class NodeRows
    {
        private readonly Dictionary<PgForeignKey, int[]> _columns = [];

        public Dictionary<string, int> Ids { get; } = new(StringComparer.Ordinal);

        public List<string> Lines { get; } = [];

        public int[] Column(PgForeignKey key, int count)
        {
            if (!_columns.TryGetValue(key, out var column))
                _columns[key] = column = new int[count];
            return column;
        }
    }
}
