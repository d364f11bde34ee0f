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
/// Purges (the horizon, batches of tombstones erased) are carried out too. The change feed (ReadNodeChanges, ReadEdgeChanges) is not
/// served: no command reads it.
/// </remarks>
internal sealed partial class StoredNeo4j
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
                "ReadNodesByKey" => ReadNodesByKey(state, GraphModel.Kind(subject)!, parameters),
                "ReadEdgesByEnd" => ReadEdgesByEnd(state, Relations[subject], parameters),
                "RaisePurgeHorizon" => RaisePurgeHorizon(state, parameters),
                "ReadPurgeHorizon" => QueryApiJson.Scalar("through", QueryApiJson.Integer(state.PurgedThrough)),
                "PurgeNodes" => PurgeNodes(state, subject, parameters),
                "PurgeEdges" => PurgeEdges(state, Relations[subject], parameters),
                "RecordErased" => RecordErased(state, parameters),
                _ => Access(name, parameters),
            });
        }
        catch (NotSupportedException e)
        {
            return Error(HttpStatusCode.BadRequest, "Test.Unexpected", e.Message);
        }
    }

    private static HttpResponseMessage Ok(string json, params (string, string)[] headers) => FakeQueryApi.Json(HttpStatusCode.Accepted, json, headers);

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) => FakeQueryApi.Json(status, QueryApiJson.Error(code, message));

    private sealed record EdgeKey(RelationKind Kind, string From, string To);

    private sealed record Change(long Seq, string Source, long Nodes, long Edges)
    {
        public DateTimeOffset CommittedAt { get; } = DateTimeOffset.UtcNow;
    }

    // The graph a transaction sees: entities are replaced on write, never changed in place, so a copy of the maps is a snapshot.
    private sealed class State
    {
        public Dictionary<(string Label, string Key), Dictionary<string, object?>> Nodes { get; private init; } = [];

        public Dictionary<EdgeKey, Dictionary<string, object?>> Edges { get; private init; } = [];

        public Dictionary<string, Change> Changes { get; private init; } = new(StringComparer.Ordinal);

        public long Sequence { get; set; }

        public long PurgedThrough { get; set; }

        public long ErasedThrough { get; set; }

        public State Copy() => new()
        {
            Nodes = new(Nodes),
            Edges = new(Edges),
            Changes = new(Changes, StringComparer.Ordinal),
            Sequence = Sequence,
            PurgedThrough = PurgedThrough,
            ErasedThrough = ErasedThrough,
        };
    }
}
