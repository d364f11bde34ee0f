using System.Net;
using System.Text.Json;
using Graph.Domain;

namespace Graph.Store.Neo4j.Tests.Fakes;

/// <summary>A Query API that answers as a Neo4j 5.26 database holding what was written through it, so a command that reads before it
/// writes (the patients of a clinical import, the repositories of an ingest or a harvest) finds what earlier commands wrote.</summary>
/// <remarks>
/// It knows the adapter's statements by their text and carries out what their Cypher says on an in-memory graph: nodes by label
/// and key with their properties (the key, <c>_seq</c> and <c>_deleted</c> among them, as Neo4j stores them), relationships by
/// kind and ends, the counter node, the recorded changes, API keys and access requests. Parameters are read strictly as the
/// documented typed JSON and answers are written by <see cref="QueryApiJson"/>, never by the adapter's TypedJson, so a misreading
/// of the format cannot cancel out. One explicit transaction is open at a time (the counter node's lock serialises writers in
/// Neo4j too); it works on a copy of the graph that its commit keeps and its rollback, or a failed statement, drops.
/// The change feed (ReadNodeChanges, ReadEdgeChanges) is not served: no command reads it.
/// </remarks>
internal sealed class StoredNeo4j
{
    private static readonly Dictionary<string, CypherStatement> ByText =
        Neo4jStatements.All.GroupBy(s => s.Text).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static readonly Dictionary<string, RelationKind> Relations = GraphModel.Relations.ToDictionary(r => r.Id, StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Dictionary<string, Dictionary<string, object?>> _apiKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, object?>> _accessRequests = new(StringComparer.Ordinal);
    private State _committed = new();
    private (string Id, State State)? _open;
    private int _transactions;

    private StoredNeo4j()
    {
    }

    /// <summary>Answers every request of a fake from a new, empty database.</summary>
    public static StoredNeo4j Serve(FakeQueryApi api)
    {
        var database = new StoredNeo4j();
        api.On(_ => true, database.AnswerAsync);
        return database;
    }

    /// <summary>The committed sequence (the counter node's seq).</summary>
    public long Sequence
    {
        get
        {
            lock (_gate)
                return _committed.Sequence;
        }
    }

    /// <summary>The live nodes of a label, by key, with their model properties (system properties and the key left out).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> Nodes(string label)
    {
        lock (_gate)
        {
            return _committed.Nodes
                .Where(n => n.Key.Label == label && !IsDeleted(n.Value))
                .ToDictionary(
                    n => n.Key.Key,
                    n => (IReadOnlyDictionary<string, object?>)n.Value.Where(p => !p.Key.StartsWith('_') && p.Key != GraphModel.Kind(label)!.KeyField).ToDictionary(StringComparer.Ordinal),
                    StringComparer.Ordinal);
        }
    }

    /// <summary>The live relationships of a type, as (start key, end key).</summary>
    public IReadOnlyList<(string From, string To)> Edges(string type)
    {
        lock (_gate)
            return _committed.Edges.Where(e => e.Key.Kind.Type == type && !IsDeleted(e.Value)).Select(e => (e.Key.From, e.Key.To)).ToList();
    }

    /// <summary>Whether a node exists, live or as a tombstone.</summary>
    public bool IsTombstone(string label, string key)
    {
        lock (_gate)
            return _committed.Nodes.TryGetValue((label, key), out var node) && IsDeleted(node);
    }

    private async Task<HttpResponseMessage> AnswerAsync(RecordedRequest request, CancellationToken cancellationToken)
    {
        var path = request.Path;
        var tx = path.IndexOf("/query/v2/tx", StringComparison.Ordinal);
        if (tx < 0)
            return request.Method == HttpMethod.Post && path.EndsWith("/query/v2", StringComparison.Ordinal) ? RunAutocommit(request) : Error(HttpStatusCode.NotFound, "Neo.ClientError.Request.Invalid", $"No endpoint {request}.");
        var rest = path[(tx + "/query/v2/tx".Length)..].Trim('/');
        if (rest.Length == 0)
            return await BeginAsync(cancellationToken);
        var parts = rest.Split('/');
        lock (_gate)
        {
            if (_open is not { } open || open.Id != parts[0])
                return FakeQueryApi.Json(HttpStatusCode.NotFound, QueryApiJson.TransactionExpired.Replace("lyU", parts[0], StringComparison.Ordinal));
            if (request.Method == HttpMethod.Delete)
            {
                End(keep: false);
                return new HttpResponseMessage(HttpStatusCode.Accepted);
            }

            if (parts is [_, "commit"])
            {
                End(keep: true);
                return Ok(QueryApiJson.Committed);
            }

            var answer = Run(open.State, request, autocommit: false);
            if (answer.StatusCode != HttpStatusCode.Accepted)
                End(keep: false);
            return answer;
        }
    }

    private async Task<HttpResponseMessage> BeginAsync(CancellationToken cancellationToken)
    {
        if (!await _writer.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken))
            return Error(HttpStatusCode.BadRequest, "Neo.TransientError.Transaction.LockClientStopped", "Another transaction held the counter node for a minute.");
        lock (_gate)
        {
            var id = $"lyU{++_transactions}";
            _open = (id, _committed.Copy());
            return Ok(QueryApiJson.TransactionOpenedAs(id), (QueryApiClient.AffinityHeader, QueryApiJson.Affinity));
        }
    }

    // Called under the gate.
    private void End(bool keep)
    {
        if (keep)
            _committed = _open!.Value.State;
        _open = null;
        _writer.Release();
    }

    private HttpResponseMessage RunAutocommit(RecordedRequest request)
    {
        lock (_gate)
            return Run(_committed, request, autocommit: true);
    }

    private HttpResponseMessage Run(State state, RecordedRequest request, bool autocommit)
    {
        Dictionary<string, object?> parameters;
        string name;
        try
        {
            using var body = JsonDocument.Parse(request.Body!);
            var text = body.RootElement.GetProperty("statement").GetString()!;
            if (text == Neo4jServerCheck.Components.Text)
                return Ok(QueryApiJson.Components("5.26.0"));
            if (!ByText.TryGetValue(text, out var statement))
                return Error(HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError", "The fake does not know this statement.");
            name = statement.Name;
            parameters = body.RootElement.TryGetProperty("parameters", out var p)
                ? p.EnumerateObject().ToDictionary(e => e.Name, e => QueryApiJson.Decode(e.Value), StringComparer.Ordinal)
                : [];
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return Error(HttpStatusCode.BadRequest, "Neo.ClientError.Request.Invalid", $"The request is not what the Query API documents: {e.Message}");
        }

        var (kind, subject) = name.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (name[..colon], name[(colon + 1)..]) : (name, "");
        if (autocommit && kind is "UpsertNodes" or "UpsertEdges" or "DeleteNodes" or "DeleteNodeEdges" or "DeleteEdges" or "AllocateSequence" or "RecordChange")
            return Error(HttpStatusCode.BadRequest, "Test.Unexpected", $"{name} ran outside an explicit transaction.");
        try
        {
            return Ok(kind switch
            {
                "AllocateSequence" => Allocate(state, parameters),
                "RecordChange" => Record(state, parameters),
                "EnsureMeta" or "ReadSequence" => QueryApiJson.Scalar("seq", QueryApiJson.Integer(state.Sequence)),
                "AwaitIndexes" => QueryApiJson.Result([]),
                _ when kind.StartsWith("Schema[", StringComparison.Ordinal) => QueryApiJson.Result([]),
                "NodeStatistics" => Counts("label", state.Nodes.Where(n => !IsDeleted(n.Value)).Select(n => n.Key.Label)),
                "EdgeStatistics" => Counts("type", state.Edges.Where(e => !IsDeleted(e.Value)).Select(e => e.Key.Kind.Type)),
                "UpsertNodes" => UpsertNodes(state, GraphModel.Kind(subject)!, parameters),
                "UpsertEdges" => UpsertEdges(state, Relations[subject], parameters),
                "FindMissingEnd" => FindMissingEnd(state, Relations[subject], parameters),
                "DeleteNodeEdges" => DeleteNodeEdges(state, subject, parameters),
                "DeleteNodes" => DeleteNodes(state, subject, parameters),
                "DeleteEdges" => DeleteEdges(state, Relations[subject], parameters),
                "ReadNodes" => ReadNodes(state, GraphModel.Kind(subject)!, parameters),
                "ReadEdges" => ReadEdges(state, Relations[subject], parameters),
                _ => Access(name, parameters),
            });
        }
        catch (NotSupportedException e)
        {
            return Error(HttpStatusCode.BadRequest, "Test.Unexpected", e.Message);
        }
    }

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

    private static List<KeyValuePair<string, Dictionary<string, object?>>> LivePage(State state, string label, string cursor, long limit) =>
        state.Nodes
            .Where(n => n.Key.Label == label && string.CompareOrdinal(n.Key.Key, cursor) > 0 && !IsDeleted(n.Value))
            .OrderBy(n => n.Key.Key, StringComparer.Ordinal)
            .Take((int)limit)
            .Select(n => KeyValuePair.Create(n.Key.Key, n.Value))
            .ToList();

    private string Access(string name, Dictionary<string, object?> p)
    {
        string Text(object? value) => QueryApiJson.Encode(value);
        switch (name)
        {
            case "AddApiKey":
                {
                    var id = (string)p["id"]!;
                    if (!_apiKeys.TryGetValue(id, out var key))
                        _apiKeys[id] = key = p.Where(e => e.Value is not null).ToDictionary(StringComparer.Ordinal);
                    return QueryApiJson.Scalar("added", QueryApiJson.Boolean(Equals(key["hash"], p["hash"])));
                }

            case "FindApiKey":
                {
                    var found = _apiKeys.GetValueOrDefault((string)p["id"]!);
                    string[] fields = ["id", "role", "owner", "grants", "createdAt", "expiresAt", "revokedAt", "hash"];
                    return QueryApiJson.Result(fields, found is null ? [] : [fields.Select(f => Text(found.GetValueOrDefault(f))).ToArray()]);
                }

            case "ListApiKeys":
                {
                    string[] fields = ["id", "role", "owner", "grants", "createdAt", "expiresAt", "revokedAt"];
                    var rows = _apiKeys.Values
                        .OrderByDescending(k => (string)k["createdAt"]!, StringComparer.Ordinal)
                        .ThenBy(k => (string)k["id"]!, StringComparer.Ordinal)
                        .Select(k => fields.Select(f => Text(k.GetValueOrDefault(f))).ToArray())
                        .ToArray();
                    return QueryApiJson.Result(fields, rows);
                }

            case "RevokeApiKey":
                {
                    var found = _apiKeys.GetValueOrDefault((string)p["id"]!);
                    if (found is not null)
                        found["revokedAt"] = found.GetValueOrDefault("revokedAt") ?? p["now"];
                    return QueryApiJson.Result(["id"], found is null ? [] : [[Text(found["id"])]]);
                }

            case "AddAccessRequest":
                {
                    var id = (string)p["id"]!;
                    if (!_accessRequests.TryGetValue(id, out var request))
                        _accessRequests[id] = request = new Dictionary<string, object?>(p, StringComparer.Ordinal);
                    return QueryApiJson.Scalar("added", QueryApiJson.Boolean(Equals(request["body"], p["body"])));
                }

            case "FindAccessRequest":
                {
                    var found = _accessRequests.GetValueOrDefault((string)p["id"]!);
                    return QueryApiJson.Result(["body"], found is null ? [] : [[Text(found["body"])]]);
                }

            case "ListAccessRequests":
                {
                    var rows = _accessRequests.Values
                        .Where(r => p["requester"] is null || Equals(r["requester"], p["requester"]))
                        .OrderByDescending(r => (string)r["createdAt"]!, StringComparer.Ordinal)
                        .ThenBy(r => (string)r["id"]!, StringComparer.Ordinal)
                        .Select(r => new[] { Text(r["body"]) })
                        .ToArray();
                    return QueryApiJson.Result(["body"], rows);
                }

            case "ReplaceAccessRequest":
                {
                    var found = _accessRequests.GetValueOrDefault((string)p["id"]!);
                    if (found is null || !Equals(found["version"], p["expected"]))
                        return QueryApiJson.Result(["id"]);
                    found["version"] = p["version"];
                    found["body"] = p["body"];
                    return QueryApiJson.Result(["id"], [Text(found["id"])]);
                }

            default:
                throw new NotSupportedException($"The fake does not serve {name}.");
        }
    }

    private static List<Dictionary<string, object?>> Rows(object? rows) => ((List<object?>)rows!).Cast<Dictionary<string, object?>>().ToList();

    private static bool IsDeleted(Dictionary<string, object?> entity) => entity.GetValueOrDefault("_deleted") is true;

    private static bool IsLive(State state, string label, string key) => state.Nodes.TryGetValue((label, key), out var node) && !IsDeleted(node);

    private static Dictionary<string, object?> Tombstone(Dictionary<string, object?> entity, long seq) =>
        new(entity, StringComparer.Ordinal) { ["_deleted"] = true, ["_seq"] = seq };

    // The upsert of one row on a copy of the stored properties, or null when nothing changes.
    private static Dictionary<string, object?>? Merge(Dictionary<string, object?>? stored, Dictionary<string, object?> props, long seq, string? keyField, string? key)
    {
        var fresh = stored is null || stored.GetValueOrDefault("_seq") is null || IsDeleted(stored);
        var changed = fresh || props.Any(e => Differs(stored!.GetValueOrDefault(e.Key), e.Value));
        if (!changed)
            return null;
        var result = fresh ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(stored!, StringComparer.Ordinal);
        if (keyField is not null)
            result[keyField] = key;
        foreach (var (name, value) in props)
        {
            // Neo4j stores no null property: setting one to null removes it.
            if (value is null)
                result.Remove(name);
            else
                result[name] = value;
        }

        result["_seq"] = seq;
        result["_deleted"] = false;
        return result;
    }

    // NOT coalesce(stored = given, stored IS NULL AND given IS NULL), with Cypher's equality (1 = 1.0, lists item by item, null unknown).
    private static bool Differs(object? stored, object? given) => !(CypherEquals(stored, given) ?? (stored is null && given is null));

    private static bool? CypherEquals(object? a, object? b)
    {
        if (a is null || b is null)
            return null;
        switch (a, b)
        {
            case (long x, long y):
                return x == y;
            case (long or double, long or double):
                return Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture);
            case (List<object?> x, List<object?> y):
                if (x.Count != y.Count)
                    return false;
                var all = (bool?)true;
                for (var i = 0; i < x.Count; i++)
                {
                    var item = CypherEquals(x[i], y[i]);
                    if (item == false)
                        return false;
                    if (item is null)
                        all = null;
                }

                return all;
            default:
                return a.GetType() == b.GetType() && a.Equals(b);
        }
    }

    private static HttpResponseMessage Ok(string json, params (string, string)[] headers) => FakeQueryApi.Json(HttpStatusCode.Accepted, json, headers);

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) => FakeQueryApi.Json(status, QueryApiJson.Error(code, message));

    private sealed record EdgeKey(RelationKind Kind, string From, string To);

    private sealed record Change(long Seq, string Source, long Nodes, long Edges);

    // The graph a transaction sees: entities are replaced on write, never changed in place, so a copy of the maps is a snapshot.
    private sealed class State
    {
        public Dictionary<(string Label, string Key), Dictionary<string, object?>> Nodes { get; private init; } = [];

        public Dictionary<EdgeKey, Dictionary<string, object?>> Edges { get; private init; } = [];

        public Dictionary<string, Change> Changes { get; private init; } = new(StringComparer.Ordinal);

        public long Sequence { get; set; }

        public State Copy() => new() { Nodes = new(Nodes), Edges = new(Edges), Changes = new(Changes, StringComparer.Ordinal), Sequence = Sequence };
    }
}
