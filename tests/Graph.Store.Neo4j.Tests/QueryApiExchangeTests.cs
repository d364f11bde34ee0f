using System.Net;
using Graph.Domain;
using Graph.Store.Neo4j.Tests.Fakes;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

/// <summary>The HTTP exchange with a hand-written Query API that answers as the documentation shows.</summary>
public sealed class QueryApiExchangeTests : IDisposable
{
    private const string Password = "s3cret-Pa55word";
    private readonly FakeQueryApi _api = new();
    private readonly HttpClient _http;

    public QueryApiExchangeTests() => _http = new HttpClient(_api);

    public void Dispose() => _http.Dispose();

    private Neo4jGraphStore Store(Action<Neo4jStoreOptions>? configure = null, int maxRetries = 2)
    {
        var options = new Neo4jStoreOptions
        {
            Uri = new Uri("http://neo4j.test:7474"),
            User = "neo4j",
            Password = Password,
        };
        configure?.Invoke(options);
        return new Neo4jGraphStore(_http, options, NullLogger<Neo4jGraphStore>.Instance, new RetryPolicy { MaxRetries = maxRetries, FirstDelay = TimeSpan.FromMilliseconds(1) });
    }

    // The Query API answers 202 to every request but an authentication failure (transactions.adoc, callout 1).
    private static HttpResponseMessage Ok(string json, params (string, string)[] headers) => FakeQueryApi.Json(HttpStatusCode.Accepted, json, headers);

    private static string Rows(long rows, long changed) => QueryApiJson.Result(["rows", "changed"], [QueryApiJson.Integer(rows), QueryApiJson.Integer(changed)]);

    private static string Allocated(long seq) => QueryApiJson.Result(
        ["seq", "doneSeq", "doneNodes", "doneEdges"], [QueryApiJson.Integer(seq), QueryApiJson.Null, QueryApiJson.Null, QueryApiJson.Null]);

    private static HttpResponseMessage Fail(HttpStatusCode status, string code, string message) => FakeQueryApi.Json(status, QueryApiJson.Error(code, message));

    [Fact]
    public async Task GetSequence_TypedInteger_SendsTypedRequestAndReadsLong()
    {
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(42))));

        var sequence = await Store().GetSequenceAsync(CancellationToken.None);

        Assert.Equal(42, sequence);
        var request = Assert.Single(_api.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/db/neo4j/query/v2", request.Path);
        Assert.Equal("application/vnd.neo4j.query", request.Accept);
        Assert.Equal("application/vnd.neo4j.query", request.ContentType);
        Assert.Equal($"Basic {Convert.ToBase64String("neo4j:s3cret-Pa55word"u8.ToArray())}", request.Authorization);
        Assert.True(request.Runs(Neo4jStatements.ReadSequence));
    }

    [Fact]
    public async Task GetSequence_BearerToken_SendsBearerAuthorization()
    {
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(1))));

        await Store(o => o.BearerToken = "token-123").GetSequenceAsync(CancellationToken.None);

        Assert.Equal("Bearer token-123", _api.Requests[0].Authorization);
    }

    [Fact]
    public async Task ReadAll_TypedValues_ReadBackWithTheModelsTypes()
    {
        // Every kind of typed value the adapter reads, written as typed-json.adoc's type mapping shows it.
        var props = QueryApiJson.Map(
            ("seriesInstanceUid", QueryApiJson.String("1.2.3")),
            ("modality", QueryApiJson.String("MR")),
            ("sliceThickness", QueryApiJson.Integer(3)), // written by another tool as an Integer; the field says Float
            ("pixelSpacing", QueryApiJson.Float("4.56")),
            ("sizeBytes", QueryApiJson.Float("3.2E9")),
            ("imageCount", QueryApiJson.Integer(120)),
            ("contrast", QueryApiJson.Boolean(false)),
            ("manufacturer", QueryApiJson.Null),
            ("acquiredAt", """{"$type": "OffsetDateTime", "_value": "2015-11-21T21:40:32.142Z"}"""),
            ("_seq", QueryApiJson.Integer(5)),
            ("_deleted", QueryApiJson.Boolean(false)));
        _api.On(r => r.Runs(Neo4jStatements.ReadSequence), () => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(5))));
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Series).ReadPage), () => Ok(QueryApiJson.Result(["key", "props", "seq"], [QueryApiJson.String("1.2.3"), props, QueryApiJson.Integer(5)])));
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Study).ReadPage), () => Ok(QueryApiJson.Result(
            ["key", "props", "seq"],
            [QueryApiJson.String("1.2.4"), QueryApiJson.Map(("modalitiesInStudy", QueryApiJson.List(QueryApiJson.String("MR"), QueryApiJson.String("PT")))), QueryApiJson.Integer(4)])));
        _api.On(_ => true, () => Ok(QueryApiJson.Result(["key", "props", "seq"])));
        var sink = new CollectingSink();

        var head = await Store().ReadAllAsync(sink, CancellationToken.None);

        Assert.Equal(5, head);
        var series = sink.Nodes.Single(n => n.Node.Label == "Series");
        Assert.Equal(5, series.Sequence);
        Assert.Equal(3.0, Assert.IsType<double>(series.Node["sliceThickness"]));
        Assert.Equal(120L, Assert.IsType<long>(series.Node["imageCount"]));
        Assert.Equal(false, series.Node["contrast"]);
        Assert.Equal(4.56, series.Node["pixelSpacing"]);
        Assert.Equal(3.2e9, Convert.ToDouble(series.Node["sizeBytes"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(series.Node.Properties.ContainsKey("manufacturer"));
        Assert.Equal("2015-11-21T21:40:32.142Z", series.Node["acquiredAt"]);
        Assert.False(series.Node.Properties.ContainsKey("_seq"));
        Assert.False(series.Node.Properties.ContainsKey("seriesInstanceUid"));
        Assert.Equal(["MR", "PT"], Assert.IsType<string[]>(sink.Nodes.Single(n => n.Node.Label == "Study").Node["modalitiesInStudy"]));
    }

    [Fact]
    public async Task ReadChanges_FullPage_AsksForTheNextPageAfterTheLastRow()
    {
        var statement = Neo4jStatements.For(GraphModel.Series).ReadChangesPage;
        string[] fields = ["key", "props", "seq", "deleted"];
        _api.On(r => r.Runs(Neo4jStatements.ReadSequence), () => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(9))));
        _api.On(r => r.Runs(statement), () => Ok(QueryApiJson.Result(
            fields,
            [QueryApiJson.String("1.1"), QueryApiJson.Null, QueryApiJson.Integer(8), QueryApiJson.Boolean(false)],
            [QueryApiJson.String("1.2"), QueryApiJson.Null, QueryApiJson.Integer(9), QueryApiJson.Boolean(true)])), times: 1);
        _api.On(r => r.Runs(statement), () => Ok(QueryApiJson.Result(
            fields, [QueryApiJson.String("1.3"), QueryApiJson.Null, QueryApiJson.Integer(9), QueryApiJson.Boolean(false)])), times: 1);
        _api.On(_ => true, () => Ok(QueryApiJson.Result(["key", "props", "seq"])));
        var sink = new CollectingSink();

        var head = await Store(o => o.BatchSize = 2).ReadChangesAsync(7, sink, CancellationToken.None);

        Assert.Equal(9, head);
        Assert.Equal(["1.1", "1.2", "1.3"], sink.Nodes.Select(n => n.Node.Key));
        Assert.True(sink.Nodes[1].Deleted);
        var pages = _api.Requests.Where(r => r.Runs(statement)).ToList();
        Assert.Equal("8", pages[0].Parameter("seq").GetProperty("_value").GetString());
        Assert.Equal("9", pages[1].Parameter("seq").GetProperty("_value").GetString());
        Assert.Equal("1.2", pages[1].Parameter("key").GetProperty("_value").GetString());
    }

    [Fact]
    public async Task ReadChanges_NothingNew_SendsOneRequest()
    {
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(3))));

        var head = await Store().ReadChangesAsync(3, new CollectingSink(), CancellationToken.None);

        Assert.Equal(3, head);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Run_ErrorsArray_ReportsCodeAndMessageWithoutRetry()
    {
        _api.Next(() => Fail(HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError", "Invalid input 'T': expected <init>"));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().GetSequenceAsync(CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("Neo.ClientError.Statement.SyntaxError: Invalid input 'T'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReadSequence", error.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Run_Unauthorized_NamesTheUserNeverThePassword()
    {
        _api.On(_ => true, () => FakeQueryApi.Json(HttpStatusCode.Unauthorized, QueryApiJson.Unauthorized));
        var store = Store(o => o.Uri = new Uri($"http://neo4j:{Password}@neo4j.test:7474"));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => store.GetSequenceAsync(CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("user 'neo4j'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Neo.ClientError.Security.Unauthorized", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, store.Endpoint, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Run_Forbidden_IsNotTransient()
    {
        _api.On(_ => true, () => Fail(HttpStatusCode.Forbidden, "Neo.ClientError.Security.Forbidden", "Write operations are not allowed for user 'reader'."));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().GetSequenceAsync(CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("Neo.ClientError.Security.Forbidden", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TransientErrorThenSuccess_Retries()
    {
        _api.Next(() => Fail(HttpStatusCode.ServiceUnavailable, "Neo.TransientError.General.DatabaseUnavailable", "The database is not currently available."));
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(7))));

        Assert.Equal(7, await Store().GetSequenceAsync(CancellationToken.None));
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task Run_ServerErrorEveryTime_ReportsTransientAfterMaxRetries()
    {
        _api.On(_ => true, () => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>proxy</html>") });

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().GetSequenceAsync(CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal(3, _api.Requests.Count);
    }

    [Fact]
    public async Task Run_BrokenConnection_IsTransientAndRetried()
    {
        _api.NextThrows(new HttpRequestException("Connection refused (neo4j.test:7474)"));
        _api.NextThrows(new IOException("The response ended prematurely."));
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(2))));

        Assert.Equal(2, await Store().GetSequenceAsync(CancellationToken.None));
        Assert.Equal(3, _api.Requests.Count);
    }

    [Fact]
    public async Task Run_NoAnswerInTime_TimesOutTransient()
    {
        _api.Hang(_ => true);
        var store = Store(o => o.Timeout = TimeSpan.FromMilliseconds(100), maxRetries: 0);

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => store.GetSequenceAsync(CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CallerCancels_ThrowsOperationCanceled()
    {
        _api.Hang(_ => true);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store().GetSequenceAsync(cancel.Token));
    }

    [Fact]
    public async Task Apply_ChangeSet_SendsTheDocumentedRequestsByteForByte()
    {
        ExpectTransaction(sequence: 7);
        var upsert = Neo4jStatements.For(GraphModel.Series).Upsert;
        _api.On(r => r.Runs(upsert), () => Ok(Rows(1, 1)), times: 1);
        _api.On(r => r.Runs(Neo4jStatements.RecordChange), () => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(7))), times: 1);
        _api.On(r => r.Path.EndsWith("/tx/lyU/commit", StringComparison.Ordinal), () => Ok(QueryApiJson.Committed, ("neo4j-cluster-affinity", QueryApiJson.Affinity)), times: 1);
        var series = NodeRecord.Of(GraphModel.Series, "1.2.826.0.1.3680043.10.999.3.7", ("modality", "MR"), ("sliceThickness", 3.0), ("imageCount", 120L), ("contrast", false));
        var changes = new ChangeSet { Source = "test", Id = "6f1c2b0e9d8a4c3b" }.Add(series);

        var result = await Store().ApplyAsync(changes, CancellationToken.None);

        Assert.Equal(new CommitResult(7, 1, 0), result);
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU", "POST /db/neo4j/query/v2/tx/lyU/commit"],
            _api.Requests.Select(r => r.ToString()));
        Assert.Null(_api.Requests[0].Affinity);
        Assert.All(_api.Requests.Skip(1), r => Assert.Equal(QueryApiJson.Affinity, r.Affinity));
        string[] expected =
        [
            "{}",
            QueryApiJson.Compact("""
                {"statement": STATEMENT,
                 "parameters": {"source": {"$type": "String", "_value": "test"}, "id": {"$type": "String", "_value": "6f1c2b0e9d8a4c3b"}}}
                """).Replace("STATEMENT", QueryApiJson.Text(Neo4jStatements.AllocateSequence.Text), StringComparison.Ordinal),
            QueryApiJson.Compact("""
                {"statement": STATEMENT,
                 "parameters": {
                   "rows": {"$type": "List", "_value": [
                     {"$type": "Map", "_value": {
                       "key": {"$type": "String", "_value": "1.2.826.0.1.3680043.10.999.3.7"},
                       "props": {"$type": "Map", "_value": {
                         "modality": {"$type": "String", "_value": "MR"},
                         "sliceThickness": {"$type": "Float", "_value": "3.0"},
                         "imageCount": {"$type": "Integer", "_value": "120"},
                         "contrast": {"$type": "Boolean", "_value": false}}}}}]},
                   "seq": {"$type": "Integer", "_value": "7"}}}
                """).Replace("STATEMENT", QueryApiJson.Text(upsert.Text), StringComparison.Ordinal),
            QueryApiJson.Compact("""
                {"statement": STATEMENT,
                 "parameters": {
                   "id": {"$type": "String", "_value": "6f1c2b0e9d8a4c3b"},
                   "seq": {"$type": "Integer", "_value": "7"},
                   "source": {"$type": "String", "_value": "test"},
                   "nodes": {"$type": "Integer", "_value": "1"},
                   "edges": {"$type": "Integer", "_value": "0"}}}
                """).Replace("STATEMENT", QueryApiJson.Text(Neo4jStatements.RecordChange.Text), StringComparison.Ordinal),
            "{}",
        ];
        Assert.Equal(expected, _api.Requests.Select(r => r.Body));
    }

    [Fact]
    public async Task Apply_CommitReplyLost_RetryReportsTheOriginalOutcomeAndListenersAreToldOnce()
    {
        var committed = false;
        _api.On(r => r.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal), () => Ok(QueryApiJson.TransactionOpened, ("neo4j-cluster-affinity", QueryApiJson.Affinity)));
        _api.On(r => r.Runs(Neo4jStatements.AllocateSequence), () => Ok(committed
            ? QueryApiJson.Result(["seq", "doneSeq", "doneNodes", "doneEdges"], [QueryApiJson.Integer(8), QueryApiJson.Integer(7), QueryApiJson.Integer(1), QueryApiJson.Integer(0)])
            : Allocated(7)));
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Series).Upsert), () => Ok(Rows(1, 1)));
        _api.On(r => r.Runs(Neo4jStatements.RecordChange), () => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(7))));
        _api.On(
            r => r.Path.EndsWith("/commit", StringComparison.Ordinal),
            (_, _) =>
            {
                // The server commits; the connection breaks before its reply arrives.
                committed = true;
                return Task.FromException<HttpResponseMessage>(new HttpRequestException("The response ended prematurely.", new IOException("Connection reset by peer")));
            });
        _api.On(r => r.Method == HttpMethod.Delete, () => Ok(""));
        var listener = new RecordingCommitListener();
        var writer = new GraphWriter(Store(), [listener], NullLogger<GraphWriter>.Instance, new RetryPolicy { FirstDelay = TimeSpan.FromMilliseconds(1) });

        var result = await writer.WriteAsync(new ChangeSet { Source = "test" }.Add(Some.Series()), CancellationToken.None);

        Assert.Equal(new CommitResult(7, 1, 0) { Replayed = true }, result);
        Assert.Equal([7L], listener.Sequences);
        Assert.Equal(1, _api.Requests.Count(r => r.Path.EndsWith("/commit", StringComparison.Ordinal)));
        Assert.Equal(2, _api.Requests.Count(r => r.Runs(Neo4jStatements.AllocateSequence)));
        Assert.Equal(1, _api.Requests.Count(r => r.Runs(Neo4jStatements.For(GraphModel.Series).Upsert)));
        Assert.Equal("DELETE /db/neo4j/query/v2/tx/lyU", _api.Requests[^1].ToString());
    }

    [Fact]
    public async Task Apply_TransactionExpired_IsReportedWithTheDocumentedError()
    {
        ExpectTransaction(sequence: 2);
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Series).Upsert), () => Ok(QueryApiJson.TransactionExpired));
        _api.On(r => r.Method == HttpMethod.Delete, () => Ok(QueryApiJson.TransactionExpired));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().ApplyAsync(new ChangeSet().Add(Some.Series()), CancellationToken.None));

        Assert.Contains("Neo.ClientError.Request.Invalid: Transaction with Id: \"lyU\" was not found", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_api.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_NothingChanged_RollsBackAndKeepsTheSequence()
    {
        ExpectTransaction(sequence: 7);
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Series).Upsert), () => Ok(Rows(1, 0)), times: 1);
        _api.On(r => r.Method == HttpMethod.Delete, () => Ok(""), times: 1);

        var result = await Store().ApplyAsync(new ChangeSet().Add(Some.Series()), CancellationToken.None);

        Assert.Equal(new CommitResult(6, 0, 0), result);
        Assert.Equal("DELETE /db/neo4j/query/v2/tx/lyU", _api.Requests[^1].ToString());
        Assert.DoesNotContain(_api.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_StatementFailsMidChangeSet_RollsBackAndReportsTheCode()
    {
        var patient = Some.Patient();
        var study = Some.Study();
        ExpectTransaction(sequence: 3);
        _api.On(r => r.Statement?.StartsWith("UNWIND $rows AS row\nMERGE (n:", StringComparison.Ordinal) == true, () => Ok(Rows(1, 1)));
        _api.On(
            r => r.Runs(Neo4jStatements.For(GraphModel.Relation("HAS_STUDY", "Patient", "Study")!).Upsert),
            () => Fail(HttpStatusCode.BadRequest, "Neo.ClientError.Schema.ConstraintValidationFailed", "Node(12) already exists with label `Study`"),
            times: 1);
        _api.On(r => r.Method == HttpMethod.Delete, () => Fail(HttpStatusCode.NotFound, "Neo.ClientError.Transaction.TransactionNotFound", "Transaction not found"));
        var changes = new ChangeSet().Add(patient).Add(study).Add(Some.Edge("HAS_STUDY", patient, study));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().ApplyAsync(changes, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("Neo.ClientError.Schema.ConstraintValidationFailed", error.Message, StringComparison.Ordinal);
        Assert.Equal("DELETE /db/neo4j/query/v2/tx/lyU", _api.Requests[^1].ToString());
        Assert.DoesNotContain(_api.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_EdgeToMissingNode_NamesTheEdgeAndRollsBack()
    {
        var patient = Some.Patient();
        var study = Some.Study();
        var kind = GraphModel.Relation("HAS_STUDY", "Patient", "Study")!;
        ExpectTransaction(sequence: 3);
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Patient).Upsert), () => Ok(Rows(1, 1)));
        _api.On(r => r.Runs(Neo4jStatements.For(kind).Upsert), () => Ok(Rows(0, 0)));
        _api.On(r => r.Runs(Neo4jStatements.For(kind).FindMissingEnd), () => Ok(QueryApiJson.Result(["i", "fromAlive"], [QueryApiJson.Integer(0), QueryApiJson.Boolean(true)])));
        _api.On(r => r.Method == HttpMethod.Delete, () => Ok(""));
        var edge = Some.Edge("HAS_STUDY", patient, study);

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().ApplyAsync(new ChangeSet().Add(patient).Add(edge), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal($"Relationship {edge}: its end node {study.Ref} does not exist.", error.Message);
        Assert.Equal("DELETE /db/neo4j/query/v2/tx/lyU", _api.Requests[^1].ToString());
    }

    [Fact]
    public async Task Apply_DeadlockMidTransaction_StoreReportsTransientAndWriterRetriesTheWholeSetOnce()
    {
        var upsert = Neo4jStatements.For(GraphModel.Series).Upsert;
        ExpectTransaction(sequence: 4);
        _api.On(r => r.Runs(upsert), () => Fail(HttpStatusCode.BadRequest, "Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient can't acquire ExclusiveLock"), times: 1);
        _api.On(r => r.Runs(upsert), () => Ok(Rows(1, 1)), times: 1);
        _api.On(r => r.Runs(Neo4jStatements.RecordChange), () => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(4))));
        _api.On(r => r.Method == HttpMethod.Delete, () => Ok(""));
        _api.On(r => r.Path.EndsWith("/commit", StringComparison.Ordinal), () => Ok(QueryApiJson.Committed));
        var changes = new ChangeSet().Add(Some.Series());

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().ApplyAsync(changes, CancellationToken.None));
        Assert.True(error.IsTransient);
        Assert.Single(_api.Requests, r => r.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal));

        var result = await new GraphWriter(Store(), [], NullLogger<GraphWriter>.Instance, new RetryPolicy { FirstDelay = TimeSpan.FromMilliseconds(1) })
            .WriteAsync(changes, CancellationToken.None);

        Assert.Equal(new CommitResult(4, 1, 0), result);
        Assert.Equal(2, _api.Requests.Count(r => r.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal)));
        Assert.Equal(1, _api.Requests.Count(r => r.Path.EndsWith("/commit", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Apply_EmptyChangeSet_OnlyReadsTheSequence()
    {
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(12))));

        var result = await Store().ApplyAsync(new ChangeSet(), CancellationToken.None);

        Assert.Equal(new CommitResult(12, 0, 0), result);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Apply_BatchSizeTwo_SplitsFiveNodesIntoThreeStatements()
    {
        ExpectTransaction(sequence: 1);
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Series).Upsert), () => Ok(Rows(2, 2)));
        _api.On(r => r.Runs(Neo4jStatements.RecordChange), () => Ok(QueryApiJson.Scalar("seq", QueryApiJson.Integer(1))));
        _api.On(r => r.Path.EndsWith("/commit", StringComparison.Ordinal), () => Ok(QueryApiJson.Committed));
        var changes = new ChangeSet();
        for (var i = 0; i < 5; i++)
            changes.Add(Some.Series());

        await Store(o => o.BatchSize = 2).ApplyAsync(changes, CancellationToken.None);

        var batches = _api.Requests.Where(r => r.Runs(Neo4jStatements.For(GraphModel.Series).Upsert)).Select(r => r.Parameter("rows").GetProperty("_value").GetArrayLength());
        Assert.Equal([2, 2, 1], batches);
    }

    [Fact]
    public async Task EnsureSchema_ReplicaCreatedARuleMeanwhile_GoesOn()
    {
        _api.On(r => r.Runs(Neo4jServerCheck.Components), () => Ok(QueryApiJson.Components("5.26.0")), times: 1);
        _api.On(r => r.Runs(Neo4jStatements.Schema[3]), () => Fail(HttpStatusCode.BadRequest, "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists", "An equivalent constraint already exists"), times: 1);
        _api.On(r => r.Runs(Neo4jStatements.AwaitIndexes), () => Fail(HttpStatusCode.Forbidden, "Neo.ClientError.Procedure.ProcedureNotFound", "There is no procedure with the name `db.awaitIndexes`"));
        _api.On(_ => true, () => Ok(QueryApiJson.Result(["key", "props", "seq"])));

        await Store().EnsureSchemaAsync(CancellationToken.None);

        Assert.Equal(Neo4jStatements.Schema.Select(s => s.Text), _api.Requests.Skip(1).Take(Neo4jStatements.Schema.Count).Select(r => r.Statement));
        Assert.Contains(_api.Requests, r => r.Runs(Neo4jStatements.EnsureMeta));
    }

    [Fact]
    public async Task EnsureSchema_SyntaxError_IsReported()
    {
        _api.Next(() => Ok(QueryApiJson.Components("2025.03.0", "enterprise")));
        _api.Next(() => Fail(HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError", "Invalid input 'CONSTRAINT'"));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().EnsureSchemaAsync(CancellationToken.None));

        Assert.Contains("Schema[0]", error.Message, StringComparison.Ordinal);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", QueryApiErrors.Code(error));
    }

    private void ExpectTransaction(long sequence)
    {
        _api.On(r => r.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal), () => Ok(QueryApiJson.TransactionOpened, ("neo4j-cluster-affinity", QueryApiJson.Affinity)));
        _api.On(r => r.Runs(Neo4jStatements.AllocateSequence), () => Ok(Allocated(sequence)));
    }
}
