using Graph.Domain;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Sqlite;

/// <summary>Applies one ChangeSet inside an open transaction with prepared statements, counting real changes.</summary>
internal sealed class SqliteChangeApplier
{
    private readonly long _sequence;
    private readonly SqliteCommand _selectNode;
    private readonly SqliteCommand _upsertNode;
    private readonly SqliteCommand _selectEdge;
    private readonly SqliteCommand _upsertEdge;
    private readonly HashSet<NodeRef> _alive = [];

    public SqliteChangeApplier(SqliteConnection connection, long sequence)
    {
        _sequence = sequence;
        _selectNode = Prepare(connection, "SELECT props, deleted FROM nodes WHERE label = $label AND key = $key", "$label", "$key");
        _upsertNode = Prepare(
            connection,
            """
            INSERT INTO nodes (label, key, props, seq, deleted) VALUES ($label, $key, $props, $seq, 0)
            ON CONFLICT (label, key) DO UPDATE SET props = excluded.props, seq = excluded.seq, deleted = 0
            """,
            "$label",
            "$key",
            "$props",
            "$seq");
        _selectEdge = Prepare(
            connection,
            "SELECT props, deleted FROM edges WHERE from_label = $fl AND from_key = $fk AND type = $type AND to_label = $tl AND to_key = $tk",
            "$fl",
            "$fk",
            "$type",
            "$tl",
            "$tk");
        _upsertEdge = Prepare(
            connection,
            """
            INSERT INTO edges (from_label, from_key, type, to_label, to_key, props, seq, deleted) VALUES ($fl, $fk, $type, $tl, $tk, $props, $seq, 0)
            ON CONFLICT (from_label, from_key, type, to_label, to_key) DO UPDATE SET props = excluded.props, seq = excluded.seq, deleted = 0
            """,
            "$fl",
            "$fk",
            "$type",
            "$tl",
            "$tk",
            "$props",
            "$seq");
        _upsertNode.Parameters["$seq"].Value = sequence;
        _upsertEdge.Parameters["$seq"].Value = sequence;
        Connection = connection;
    }

    private SqliteConnection Connection { get; }

    public int NodesChanged { get; private set; }

    public int EdgesChanged { get; private set; }

    public void Apply(ChangeSet changes)
    {
        foreach (var node in changes.Nodes)
            UpsertNode(node);
        foreach (var edge in changes.Edges)
            UpsertEdge(edge);
        foreach (var edge in changes.DeletedEdges)
            DeleteEdge(edge);
        foreach (var node in changes.DeletedNodes)
            DeleteNode(node);
    }

    private void UpsertNode(NodeRecord node)
    {
        SetKey(_selectNode, node.Label, node.Key);
        string? storedJson = null;
        var wasDeleted = false;
        using (var reader = _selectNode.ExecuteReader())
        {
            if (reader.Read())
            {
                storedJson = reader.GetString(0);
                wasDeleted = reader.GetInt64(1) != 0;
            }
        }

        var stored = storedJson is null || wasDeleted ? null : PropertyJson.Read(storedJson, PropertyJson.NodeFields(node.Label));
        var json = PropertyJson.Write(PropertyJson.Merge(stored, node.Properties));
        _alive.Add(node.Ref);
        if (!wasDeleted && json == storedJson)
            return;
        SetKey(_upsertNode, node.Label, node.Key);
        _upsertNode.Parameters["$props"].Value = json;
        _upsertNode.ExecuteNonQuery();
        NodesChanged++;
    }

    private void UpsertEdge(EdgeRecord edge)
    {
        RequireAlive(edge, edge.From, "start");
        RequireAlive(edge, edge.To, "end");
        SetEdge(_selectEdge, edge);
        string? storedJson = null;
        var wasDeleted = false;
        using (var reader = _selectEdge.ExecuteReader())
        {
            if (reader.Read())
            {
                storedJson = reader.GetString(0);
                wasDeleted = reader.GetInt64(1) != 0;
            }
        }

        var fields = PropertyJson.EdgeFields(edge.Type, edge.From.Label, edge.To.Label);
        var stored = storedJson is null || wasDeleted ? null : PropertyJson.Read(storedJson, fields);
        var json = PropertyJson.Write(PropertyJson.Merge(stored, edge.Properties));
        if (!wasDeleted && json == storedJson)
            return;
        SetEdge(_upsertEdge, edge);
        _upsertEdge.Parameters["$props"].Value = json;
        _upsertEdge.ExecuteNonQuery();
        EdgesChanged++;
    }

    private void DeleteEdge(EdgeRecord edge)
    {
        using var command = Prepare(
            Connection,
            "UPDATE edges SET deleted = 1, seq = $seq, props = '{}' WHERE from_label = $fl AND from_key = $fk AND type = $type AND to_label = $tl AND to_key = $tk AND deleted = 0",
            "$fl",
            "$fk",
            "$type",
            "$tl",
            "$tk",
            "$seq");
        SetEdge(command, edge);
        command.Parameters["$seq"].Value = _sequence;
        EdgesChanged += command.ExecuteNonQuery();
    }

    private void DeleteNode(NodeRef node)
    {
        using var edges = Prepare(
            Connection,
            "UPDATE edges SET deleted = 1, seq = $seq, props = '{}' WHERE deleted = 0 AND ((from_label = $label AND from_key = $key) OR (to_label = $label AND to_key = $key))",
            "$label",
            "$key",
            "$seq");
        SetKey(edges, node.Label, node.Key);
        edges.Parameters["$seq"].Value = _sequence;
        EdgesChanged += edges.ExecuteNonQuery();

        using var nodes = Prepare(Connection, "UPDATE nodes SET deleted = 1, seq = $seq, props = '{}' WHERE label = $label AND key = $key AND deleted = 0", "$label", "$key", "$seq");
        SetKey(nodes, node.Label, node.Key);
        nodes.Parameters["$seq"].Value = _sequence;
        NodesChanged += nodes.ExecuteNonQuery();
        _alive.Remove(node);
    }

    private void RequireAlive(EdgeRecord edge, NodeRef node, string end)
    {
        if (_alive.Contains(node))
            return;
        SetKey(_selectNode, node.Label, node.Key);
        using var reader = _selectNode.ExecuteReader();
        if (!reader.Read() || reader.GetInt64(1) != 0)
            throw new GraphStoreException($"Relationship {edge}: its {end} node {node} does not exist.");
        _alive.Add(node);
    }

    private static void SetKey(SqliteCommand command, string label, string key)
    {
        command.Parameters["$label"].Value = label;
        command.Parameters["$key"].Value = key;
    }

    private static void SetEdge(SqliteCommand command, EdgeRecord edge)
    {
        command.Parameters["$fl"].Value = edge.From.Label;
        command.Parameters["$fk"].Value = edge.From.Key;
        command.Parameters["$type"].Value = edge.Type;
        command.Parameters["$tl"].Value = edge.To.Label;
        command.Parameters["$tk"].Value = edge.To.Key;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }
}
