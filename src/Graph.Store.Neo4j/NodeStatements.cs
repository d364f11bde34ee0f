using Graph.Domain;

namespace Graph.Store.Neo4j;

/// <summary>The statements that write and read the nodes of one label.</summary>
internal sealed class NodeStatements
{
    // A property differs when exactly one side is null or both are set and unequal.
    internal const string Differs =
        "any(name IN keys(row.props) WHERE NOT coalesce({0}[name] = row.props[name], {0}[name] IS NULL AND row.props[name] IS NULL))";

    public NodeStatements(NodeKind kind)
    {
        var label = Neo4jStatements.Name(kind.Label);
        var key = Neo4jStatements.Name(kind.KeyField);
        var differs = string.Format(System.Globalization.CultureInfo.InvariantCulture, Differs, "n");
        var rows = new Dictionary<string, object?>
        {
            ["rows"] = new List<object?> { new Dictionary<string, object?> { ["key"] = "k", ["props"] = new Dictionary<string, object?>() } },
            ["seq"] = 1L,
        };
        var keys = new Dictionary<string, object?> { ["keys"] = new List<object?> { "k" }, ["seq"] = 1L };

        Upsert = new(
            $"UpsertNodes:{label}",
            $$"""
            UNWIND $rows AS row
            MERGE (n:{{label}} {{{key}}: row.key})
            WITH n, row, n._seq IS NULL OR coalesce(n._deleted, false) AS fresh
            WITH n, row, fresh, fresh OR {{differs}} AS changed
            FOREACH (ignored IN CASE WHEN fresh THEN [1] ELSE [] END | SET n = row.props, n.{{key}} = row.key)
            FOREACH (ignored IN CASE WHEN changed THEN [1] ELSE [] END | SET n += row.props, n._seq = $seq, n._deleted = false)
            RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed
            """,
            rows);
        DeleteEdges = new(
            $"DeleteNodeEdges:{label}",
            $$"""
            UNWIND $keys AS key
            MATCH (n:{{label}} {{{key}}: key})-[r]-()
            WHERE NOT coalesce(r._deleted, false)
            SET r = {_deleted: true, _seq: $seq}
            RETURN count(DISTINCT r) AS changed
            """,
            keys);
        Delete = new(
            $"DeleteNodes:{label}",
            $$"""
            UNWIND $keys AS key
            MATCH (n:{{label}} {{{key}}: key})
            WHERE NOT coalesce(n._deleted, false)
            SET n = {{{key}}: key, _deleted: true, _seq: $seq}
            RETURN count(n) AS changed
            """,
            keys);
        ReadPage = new(
            $"ReadNodes:{label}",
            $$"""
            MATCH (n:{{label}})
            WHERE n.{{key}} > $cursor AND NOT coalesce(n._deleted, false)
            RETURN n.{{key}} AS key, properties(n) AS props, n._seq AS seq
            ORDER BY key
            LIMIT $limit
            """,
            new Dictionary<string, object?> { ["cursor"] = "", ["limit"] = 1L });
        ReadByKey = new(
            $"ReadNodesByKey:{label}",
            $$"""
            UNWIND $keys AS key
            MATCH (n:{{label}} {{{key}}: key})
            WHERE NOT coalesce(n._deleted, false)
            RETURN n.{{key}} AS key, properties(n) AS props, n._seq AS seq
            """,
            new Dictionary<string, object?> { ["keys"] = new List<object?> { "k" } });
        ReadChangesPage = new(
            $"ReadNodeChanges:{label}",
            $$"""
            MATCH (n:{{label}})
            WHERE n._seq >= $seq AND (n._seq > $seq OR n.{{key}} > $key)
            RETURN n.{{key}} AS key, properties(n) AS props, n._seq AS seq, coalesce(n._deleted, false) AS deleted
            ORDER BY seq, key
            LIMIT $limit
            """,
            new Dictionary<string, object?> { ["seq"] = 1L, ["key"] = "", ["limit"] = 1L });

        // A node's tombstone is at least as recent as its relationships' (deleting a node tombstones them in the same change), so
        // these are erased first and DETACH finds none; it is there so that a node never outlives its erasure.
        Purge = new(
            $"PurgeNodes:{label}",
            $$"""
            MATCH (n:{{label}})
            WHERE n._seq > $after AND n._seq <= $through AND n._deleted = true
            WITH n LIMIT $limit
            DETACH DELETE n
            RETURN count(*) AS purged
            """,
            Neo4jStatements.PurgeParameters);
    }

    /// <summary>Merges rows {key, props} into nodes, counting real changes.</summary>
    public CypherStatement Upsert { get; }

    /// <summary>Tombstones the live relationships of the nodes with the given keys.</summary>
    public CypherStatement DeleteEdges { get; }

    /// <summary>Tombstones the live nodes with the given keys.</summary>
    public CypherStatement Delete { get; }

    /// <summary>Reads a page of live nodes after a key, in key order.</summary>
    public CypherStatement ReadPage { get; }

    /// <summary>Reads the live nodes with the given keys (at most one each; the uniqueness constraint's index finds them).</summary>
    public CypherStatement ReadByKey { get; }

    /// <summary>Reads a page of nodes changed after a (sequence, key) cursor, tombstones included.</summary>
    public CypherStatement ReadChangesPage { get; }

    /// <summary>Erases a batch of tombstones of changes in (after, through].</summary>
    public CypherStatement Purge { get; }

    /// <summary>Every statement of the label.</summary>
    public IEnumerable<CypherStatement> All => [Upsert, DeleteEdges, Delete, ReadPage, ReadByKey, ReadChangesPage, Purge];
}
