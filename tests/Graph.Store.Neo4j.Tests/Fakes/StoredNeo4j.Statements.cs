using System.Text.Json;
using Graph.Domain;

namespace Graph.Store.Neo4j.Tests.Fakes;

partial class StoredNeo4j
{
    private static string Allocate(State state, Dictionary<string, object?> p)
    {
        state.Sequence++;
        var done = state.Changes.GetValueOrDefault((string)p["id"]!);
        return QueryApiJson.Result(
            ["seq", "doneSeq", "doneNodes", "doneEdges"],
            [QueryApiJson.Integer(state.Sequence), QueryApiJson.Encode(done?.Seq), QueryApiJson.Encode(done?.Nodes), QueryApiJson.Encode(done?.Edges)]);
    }

    private static string Record(State state, Dictionary<string, object?> p)
    {
        state.Changes[(string)p["id"]!] = new Change((long)p["seq"]!, (string)p["source"]!, (long)p["nodes"]!, (long)p["edges"]!);
        return QueryApiJson.Scalar("seq", QueryApiJson.Integer((long)p["seq"]!));
    }

    private static string Counts(string field, IEnumerable<string> names) =>
        QueryApiJson.Result([field, "count"], names.GroupBy(n => n).Select(g => new[] { QueryApiJson.String(g.Key), QueryApiJson.Integer(g.Count()) }).ToArray());

    // UNWIND $rows MERGE (n:Label {key: row.key}); fresh = new or tombstone; changed = fresh or a given property differs;
    // fresh: SET n = row.props, n.key = row.key; changed: SET n += row.props, n._seq = $seq, n._deleted = false.
    private static string UpsertNodes(State state, NodeKind kind, Dictionary<string, object?> p)
    {
        var rows = Rows(p["rows"]);
        var changed = 0L;
        foreach (var row in rows)
        {
            var id = (kind.Label, (string)row["key"]!);
            var props = (Dictionary<string, object?>)row["props"]!;
            var node = state.Nodes.GetValueOrDefault(id);
            var updated = Merge(node, props, (long)p["seq"]!, kind.KeyField, id.Item2);
            if (updated is null)
                continue;
            state.Nodes[id] = updated;
            changed++;
        }

        return QueryApiJson.Result(["rows", "changed"], [QueryApiJson.Integer(rows.Count), QueryApiJson.Integer(changed)]);
    }

    // MATCH both ends live, MERGE (a)-[r:TYPE]->(b), then as for nodes; rows counts the rows whose ends matched.
    private static string UpsertEdges(State state, RelationKind kind, Dictionary<string, object?> p)
    {
        var rows = Rows(p["rows"]);
        long matched = 0, changed = 0;
        foreach (var row in rows)
        {
            var (from, to) = ((string)row["from"]!, (string)row["to"]!);
            if (!IsLive(state, kind.From.Label, from) || !IsLive(state, kind.To.Label, to))
                continue;
            matched++;
            var id = new EdgeKey(kind, from, to);
            var updated = Merge(state.Edges.GetValueOrDefault(id), (Dictionary<string, object?>)row["props"]!, (long)p["seq"]!, null, null);
            if (updated is null)
                continue;
            state.Edges[id] = updated;
            changed++;
        }

        return QueryApiJson.Result(["rows", "changed"], [QueryApiJson.Integer(matched), QueryApiJson.Integer(changed)]);
    }

    private static string FindMissingEnd(State state, RelationKind kind, Dictionary<string, object?> p)
    {
        var missing = Rows(p["rows"])
            .Select(row => (I: (long)row["i"]!, FromAlive: IsLive(state, kind.From.Label, (string)row["from"]!), ToAlive: IsLive(state, kind.To.Label, (string)row["to"]!)))
            .Where(r => !(r.FromAlive && r.ToAlive))
            .OrderBy(r => r.I)
            .Take(1)
            .Select(r => new[] { QueryApiJson.Integer(r.I), QueryApiJson.Boolean(r.FromAlive) })
            .ToArray();
        return QueryApiJson.Result(["i", "fromAlive"], missing);
    }

    // Tombstones the live relationships, of any type and direction, of the nodes with the keys.
    private static string DeleteNodeEdges(State state, string label, Dictionary<string, object?> p)
    {
        var keys = ((List<object?>)p["keys"]!).Cast<string>().ToHashSet(StringComparer.Ordinal);
        var hit = state.Edges
            .Where(e => !IsDeleted(e.Value)
                && ((e.Key.Kind.From.Label == label && keys.Contains(e.Key.From)) || (e.Key.Kind.To.Label == label && keys.Contains(e.Key.To))))
            .Select(e => e.Key)
            .ToList();
        foreach (var edge in hit)
            state.Edges[edge] = Tombstone(state.Edges[edge], (long)p["seq"]!);
        return QueryApiJson.Scalar("changed", QueryApiJson.Integer(hit.Count));
    }

    private static string DeleteNodes(State state, string label, Dictionary<string, object?> p)
    {
        var changed = 0;
        foreach (var key in ((List<object?>)p["keys"]!).Cast<string>())
        {
            if (state.Nodes.TryGetValue((label, key), out var node) && !IsDeleted(node))
            {
                state.Nodes[(label, key)] = Tombstone(node, (long)p["seq"]!);
                changed++;
            }
        }

        return QueryApiJson.Scalar("changed", QueryApiJson.Integer(changed));
    }

    private static string DeleteEdges(State state, RelationKind kind, Dictionary<string, object?> p)
    {
        var changed = 0;
        foreach (var row in Rows(p["rows"]))
        {
            var id = new EdgeKey(kind, (string)row["from"]!, (string)row["to"]!);
            if (state.Edges.TryGetValue(id, out var edge) && !IsDeleted(edge))
            {
                state.Edges[id] = Tombstone(edge, (long)p["seq"]!);
                changed++;
            }
        }

        return QueryApiJson.Scalar("changed", QueryApiJson.Integer(changed));
    }

    // Live nodes of the label with a key after the cursor, in key order: key, properties(n), n._seq.
    private static string ReadNodes(State state, NodeKind kind, Dictionary<string, object?> p)
    {
        var rows = LivePage(state, kind.Label, (string)p["cursor"]!, (long)p["limit"]!)
            .Select(n => new[] { QueryApiJson.String(n.Key), QueryApiJson.Encode(n.Value), QueryApiJson.Encode(n.Value.GetValueOrDefault("_seq")) })
            .ToArray();
        return QueryApiJson.Result(["key", "props", "seq"], rows);
    }

    // A page of live start nodes, each with its live relationships of the kind, or one row of nulls when it has none.
    private static string ReadEdges(State state, RelationKind kind, Dictionary<string, object?> p)
    {
        var page = LivePage(state, kind.From.Label, (string)p["cursor"]!, (long)p["limit"]!);
        var rows = new List<string[]>();
        foreach (var (from, _) in page)
        {
            string[] Row(string to, string props, string seq) =>
                [QueryApiJson.Integer(page.Count), QueryApiJson.String(page[^1].Key), QueryApiJson.String(from), to, props, seq];
            var edges = state.Edges.Where(e => e.Key.Kind == kind && e.Key.From == from && !IsDeleted(e.Value)).ToList();
            if (edges.Count == 0)
                rows.Add(Row(QueryApiJson.Null, QueryApiJson.Null, QueryApiJson.Null));
            foreach (var (key, props) in edges)
                rows.Add(Row(QueryApiJson.String(key.To), QueryApiJson.Encode(props), QueryApiJson.Encode(props.GetValueOrDefault("_seq"))));
        }

        return QueryApiJson.Result(["pageSize", "last", "from", "to", "props", "seq"], [.. rows]);
    }

    // The live nodes of the label with the given keys, in the order asked: key, properties(n), n._seq.
    private static string ReadNodesByKey(State state, NodeKind kind, Dictionary<string, object?> p)
    {
        var rows = ((List<object?>)p["keys"]!).Cast<string>()
            .Where(key => state.Nodes.TryGetValue((kind.Label, key), out var node) && !IsDeleted(node))
            .Select(key => new[] { QueryApiJson.String(key), QueryApiJson.Encode(state.Nodes[(kind.Label, key)]), QueryApiJson.Encode(state.Nodes[(kind.Label, key)].GetValueOrDefault("_seq")) })
            .ToArray();
        return QueryApiJson.Result(["key", "props", "seq"], rows);
    }

    // The live relationships of the kind from a live start node to an end node with one of the given keys: from, to, properties(r), r._seq.
    private static string ReadEdgesByEnd(State state, RelationKind kind, Dictionary<string, object?> p)
    {
        var rows = new List<string[]>();
        foreach (var key in ((List<object?>)p["keys"]!).Cast<string>())
        {
            foreach (var (edge, props) in state.Edges.Where(e => e.Key.Kind == kind && e.Key.To == key && !IsDeleted(e.Value)))
            {
                if (state.Nodes.TryGetValue((kind.From.Label, edge.From), out var start) && !IsDeleted(start))
                    rows.Add([QueryApiJson.String(edge.From), QueryApiJson.String(key), QueryApiJson.Encode(props), QueryApiJson.Encode(props.GetValueOrDefault("_seq"))]);
            }
        }

        return QueryApiJson.Result(["from", "to", "props", "seq"], [.. rows]);
    }

    private static List<KeyValuePair<string, Dictionary<string, object?>>> LivePage(State state, string label, string cursor, long limit) =>
        state.Nodes
            .Where(n => n.Key.Label == label && string.CompareOrdinal(n.Key.Key, cursor) > 0 && !IsDeleted(n.Value))
            .OrderBy(n => n.Key.Key, StringComparer.Ordinal)
            .Take((int)limit)
            .Select(n => KeyValuePair.Create(n.Key.Key, n.Value))
            .ToList();
}
