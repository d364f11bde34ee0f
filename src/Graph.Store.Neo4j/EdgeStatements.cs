using System.Globalization;
using Graph.Domain;

namespace Graph.Store.Neo4j;

/// <summary>The statements that write and read the relationships of one kind (type and the two labels it joins).</summary>
internal sealed class EdgeStatements
{
    public EdgeStatements(RelationKind kind)
    {
        var type = Neo4jStatements.Name(kind.Type);
        var fromLabel = Neo4jStatements.Name(kind.From.Label);
        var fromKey = Neo4jStatements.Name(kind.From.KeyField);
        var toLabel = Neo4jStatements.Name(kind.To.Label);
        var toKey = Neo4jStatements.Name(kind.To.KeyField);
        var differs = string.Format(CultureInfo.InvariantCulture, NodeStatements.Differs, "r");
        var rows = new Dictionary<string, object?>
        {
            ["rows"] = new List<object?> { new Dictionary<string, object?> { ["i"] = 0L, ["from"] = "a", ["to"] = "b", ["props"] = new Dictionary<string, object?>() } },
            ["seq"] = 1L,
        };

        Upsert = new(
            $"UpsertEdges:{kind.Id}",
            $$"""
            UNWIND $rows AS row
            MATCH (a:{{fromLabel}} {{{fromKey}}: row.from})
            WHERE NOT coalesce(a._deleted, false)
            MATCH (b:{{toLabel}} {{{toKey}}: row.to})
            WHERE NOT coalesce(b._deleted, false)
            MERGE (a)-[r:{{type}}]->(b)
            WITH r, row, r._seq IS NULL OR coalesce(r._deleted, false) AS fresh
            WITH r, row, fresh, fresh OR {{differs}} AS changed
            FOREACH (ignored IN CASE WHEN fresh THEN [1] ELSE [] END | SET r = row.props)
            FOREACH (ignored IN CASE WHEN changed THEN [1] ELSE [] END | SET r += row.props, r._seq = $seq, r._deleted = false)
            RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed
            """,
            rows);
        FindMissingEnd = new(
            $"FindMissingEnd:{kind.Id}",
            $$"""
            UNWIND $rows AS row
            OPTIONAL MATCH (a:{{fromLabel}} {{{fromKey}}: row.from})
            OPTIONAL MATCH (b:{{toLabel}} {{{toKey}}: row.to})
            WITH row, a IS NOT NULL AND NOT coalesce(a._deleted, false) AS fromAlive, b IS NOT NULL AND NOT coalesce(b._deleted, false) AS toAlive
            WHERE NOT (fromAlive AND toAlive)
            RETURN row.i AS i, fromAlive
            ORDER BY i
            LIMIT 1
            """,
            rows);
        Delete = new(
            $"DeleteEdges:{kind.Id}",
            $$"""
            UNWIND $rows AS row
            MATCH (a:{{fromLabel}} {{{fromKey}}: row.from})-[r:{{type}}]->(b:{{toLabel}} {{{toKey}}: row.to})
            WHERE NOT coalesce(r._deleted, false)
            SET r = {_deleted: true, _seq: $seq}
            RETURN count(r) AS changed
            """,
            rows);
        ReadPage = new(
            $"ReadEdges:{kind.Id}",
            $$"""
            MATCH (a:{{fromLabel}})
            WHERE a.{{fromKey}} > $cursor AND NOT coalesce(a._deleted, false)
            WITH a
            ORDER BY a.{{fromKey}}
            LIMIT $limit
            WITH collect(a) AS page
            UNWIND page AS a
            OPTIONAL MATCH (a)-[r:{{type}}]->(b:{{toLabel}})
            WHERE NOT coalesce(r._deleted, false)
            RETURN size(page) AS pageSize, page[-1].{{fromKey}} AS last, a.{{fromKey}} AS from, b.{{toKey}} AS to, properties(r) AS props, r._seq AS seq
            """,
            new Dictionary<string, object?> { ["cursor"] = "", ["limit"] = 1L });
        ReadByEnd = new(
            $"ReadEdgesByEnd:{kind.Id}",
            $$"""
            UNWIND $keys AS key
            MATCH (a:{{fromLabel}})-[r:{{type}}]->(b:{{toLabel}} {{{toKey}}: key})
            WHERE NOT coalesce(r._deleted, false) AND NOT coalesce(a._deleted, false)
            RETURN a.{{fromKey}} AS from, b.{{toKey}} AS to, properties(r) AS props, r._seq AS seq
            """,
            new Dictionary<string, object?> { ["keys"] = new List<object?> { "b" } });
        ReadChangesPage = new(
            $"ReadEdgeChanges:{kind.Id}",
            $$"""
            MATCH (a:{{fromLabel}})-[r:{{type}}]->(b:{{toLabel}})
            WHERE r._seq >= $seq AND (r._seq > $seq OR elementId(r) > $id)
            RETURN a.{{fromKey}} AS from, b.{{toKey}} AS to, properties(r) AS props, r._seq AS seq, coalesce(r._deleted, false) AS deleted, elementId(r) AS id
            ORDER BY seq, id
            LIMIT $limit
            """,
            new Dictionary<string, object?> { ["seq"] = 1L, ["id"] = "", ["limit"] = 1L });
        Purge = new(
            $"PurgeEdges:{kind.Id}",
            $$"""
            MATCH (:{{fromLabel}})-[r:{{type}}]->(:{{toLabel}})
            WHERE r._seq > $after AND r._seq <= $through AND r._deleted = true
            WITH r LIMIT $limit
            DELETE r
            RETURN count(*) AS purged
            """,
            Neo4jStatements.PurgeParameters);
    }

    /// <summary>Merges rows {i, from, to, props} into relationships between live nodes, counting rows matched and real changes.</summary>
    public CypherStatement Upsert { get; }

    /// <summary>Finds the first row whose start or end node is missing or deleted.</summary>
    public CypherStatement FindMissingEnd { get; }

    /// <summary>Tombstones the live relationships of rows {from, to}.</summary>
    public CypherStatement Delete { get; }

    /// <summary>Reads the live relationships of a page of start nodes after a key.</summary>
    public CypherStatement ReadPage { get; }

    /// <summary>Reads the live relationships whose end nodes have the given keys (found by the end label's key index).</summary>
    public CypherStatement ReadByEnd { get; }

    /// <summary>Reads a page of relationships changed after a (sequence, element id) cursor, tombstones included.</summary>
    public CypherStatement ReadChangesPage { get; }

    /// <summary>Erases a batch of tombstones of changes in (after, through].</summary>
    public CypherStatement Purge { get; }

    /// <summary>Every statement of the kind.</summary>
    public IEnumerable<CypherStatement> All => [Upsert, FindMissingEnd, Delete, ReadPage, ReadByEnd, ReadChangesPage, Purge];
}
