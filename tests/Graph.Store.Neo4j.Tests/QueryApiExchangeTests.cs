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

    private static HttpResponseMessage Ok(string json, params (string, string)[] headers) => FakeQueryApi.Json(HttpStatusCode.Accepted, json, headers);

    private static HttpResponseMessage Fail(HttpStatusCode status, string code, string message) => FakeQueryApi.Json(status, QueryApiJson.Error(code, message));

    [Fact]
    public async Task GetSequence_TypedInteger_SendsTypedRequestAndReadsLong()
    {
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", 42L)));

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
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", 1L)));

        await Store(o => o.BearerToken = "token-123").GetSequenceAsync(CancellationToken.None);

        Assert.Equal("Bearer token-123", _api.Requests[0].Authorization);
    }

    [Fact]
    public async Task ReadAll_TypedValues_ReadBackWithTheModelsTypes()
    {
        var props = new Dictionary<string, object?>
        {
            ["seriesInstanceUid"] = "1.2.3",
            ["modality"] = "MR",
            ["sliceThickness"] = 3L, // written by another tool as an Integer; the field says Float
            ["imageCount"] = 120L,
            ["contrast"] = false,
            ["_seq"] = 5L,
            ["_deleted"] = false,
        };
        _api.On(r => r.Runs(Neo4jStatements.ReadSequence), () => Ok(QueryApiJson.Scalar("seq", 5L)));
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Series).ReadPage), () => Ok(QueryApiJson.Result(["key", "props", "seq"], ["1.2.3", props, 5L])));
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Study).ReadPage), () => Ok(QueryApiJson.Result(
            ["key", "props", "seq"], ["1.2.4", new Dictionary<string, object?> { ["modalitiesInStudy"] = new[] { "MR", "PT" } }, 4L])));
        _api.On(_ => true, () => Ok(QueryApiJson.Result([])));
        var sink = new CollectingSink();

        var head = await Store().ReadAllAsync(sink, CancellationToken.None);

        Assert.Equal(5, head);
        var series = sink.Nodes.Single(n => n.Node.Label == "Series");
        Assert.Equal(5, series.Sequence);
        Assert.Equal(3.0, Assert.IsType<double>(series.Node["sliceThickness"]));
        Assert.Equal(120L, Assert.IsType<long>(series.Node["imageCount"]));
        Assert.Equal(false, series.Node["contrast"]);
        Assert.False(series.Node.Properties.ContainsKey("_seq"));
        Assert.False(series.Node.Properties.ContainsKey("seriesInstanceUid"));
        Assert.Equal(["MR", "PT"], Assert.IsType<string[]>(sink.Nodes.Single(n => n.Node.Label == "Study").Node["modalitiesInStudy"]));
    }

    [Fact]
    public async Task ReadChanges_FullPage_AsksForTheNextPageAfterTheLastRow()
    {
        var statement = Neo4jStatements.For(GraphModel.Series).ReadChangesPage;
        string[] fields = ["key", "props", "seq", "deleted"];
        _api.On(r => r.Runs(Neo4jStatements.ReadSequence), () => Ok(QueryApiJson.Scalar("seq", 9L)));
        _api.On(r => r.Runs(statement), () => Ok(QueryApiJson.Result(fields, ["1.1", null, 8L, false], ["1.2", null, 9L, true])), times: 1);
        _api.On(r => r.Runs(statement), () => Ok(QueryApiJson.Result(fields, ["1.3", null, 9L, false])), times: 1);
        _api.On(_ => true, () => Ok(QueryApiJson.Result([])));
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
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", 3L)));

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
        _api.On(_ => true, () => Fail(HttpStatusCode.Unauthorized, "Neo.ClientError.Security.Unauthorized", "Invalid username or password."));
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
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", 7L)));

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
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", 2L)));

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
    public async Task Apply_ChangeSet_BeginsRunsAndCommitsOneTransaction()
    {
        ExpectTransaction(sequence: 7);
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Series).Upsert), () => Ok(QueryApiJson.Result(["rows", "changed"], [1L, 1L])), times: 1);
        _api.On(r => r.Path.EndsWith("/tx/tx-1/commit", StringComparison.Ordinal), () => Ok(QueryApiJson.Committed), times: 1);
        var series = Some.Series(sliceThickness: 3.0);

        var result = await Store().ApplyAsync(new ChangeSet { Source = "test" }.Add(series), CancellationToken.None);

        Assert.Equal(new CommitResult(7, 1, 0), result);
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/tx-1", "POST /db/neo4j/query/v2/tx/tx-1", "POST /db/neo4j/query/v2/tx/tx-1/commit"],
            _api.Requests.Select(r => r.ToString()));
        Assert.All(_api.Requests.Skip(1), r => Assert.Equal("affinity-a", r.Affinity));
        var upsert = _api.Requests[2];
        Assert.Equal("7", upsert.Parameter("seq").GetProperty("_value").GetString());
        var row = upsert.Parameter("rows").GetProperty("_value")[0].GetProperty("_value");
        Assert.Equal(series.Key, row.GetProperty("key").GetProperty("_value").GetString());
        var props = row.GetProperty("props").GetProperty("_value");
        Assert.Equal("Float", props.GetProperty("sliceThickness").GetProperty("$type").GetString());
        Assert.Equal("Integer", props.GetProperty("imageCount").GetProperty("$type").GetString());
        Assert.Equal("Boolean", props.GetProperty("contrast").GetProperty("$type").GetString());
        Assert.Equal("test", _api.Requests[1].Parameter("source").GetProperty("_value").GetString());
    }

    [Fact]
    public async Task Apply_NothingChanged_RollsBackAndKeepsTheSequence()
    {
        ExpectTransaction(sequence: 7);
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Series).Upsert), () => Ok(QueryApiJson.Result(["rows", "changed"], [1L, 0L])), times: 1);
        _api.On(r => r.Method == HttpMethod.Delete, () => Ok(""), times: 1);

        var result = await Store().ApplyAsync(new ChangeSet().Add(Some.Series()), CancellationToken.None);

        Assert.Equal(new CommitResult(6, 0, 0), result);
        Assert.Equal("DELETE /db/neo4j/query/v2/tx/tx-1", _api.Requests[^1].ToString());
        Assert.DoesNotContain(_api.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_StatementFailsMidChangeSet_RollsBackAndReportsTheCode()
    {
        var patient = Some.Patient();
        var study = Some.Study();
        ExpectTransaction(sequence: 3);
        _api.On(r => r.Statement?.StartsWith("UNWIND $rows AS row\nMERGE (n:", StringComparison.Ordinal) == true, () => Ok(QueryApiJson.Result(["rows", "changed"], [1L, 1L])));
        _api.On(
            r => r.Runs(Neo4jStatements.For(GraphModel.Relation("HAS_STUDY", "Patient", "Study")!).Upsert),
            () => Fail(HttpStatusCode.BadRequest, "Neo.ClientError.Schema.ConstraintValidationFailed", "Node(12) already exists with label `Study`"),
            times: 1);
        _api.On(r => r.Method == HttpMethod.Delete, () => Fail(HttpStatusCode.NotFound, "Neo.ClientError.Transaction.TransactionNotFound", "Transaction not found"));
        var changes = new ChangeSet().Add(patient).Add(study).Add(Some.Edge("HAS_STUDY", patient, study));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().ApplyAsync(changes, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("Neo.ClientError.Schema.ConstraintValidationFailed", error.Message, StringComparison.Ordinal);
        Assert.Equal("DELETE /db/neo4j/query/v2/tx/tx-1", _api.Requests[^1].ToString());
        Assert.DoesNotContain(_api.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_EdgeToMissingNode_NamesTheEdgeAndRollsBack()
    {
        var patient = Some.Patient();
        var study = Some.Study();
        var kind = GraphModel.Relation("HAS_STUDY", "Patient", "Study")!;
        ExpectTransaction(sequence: 3);
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Patient).Upsert), () => Ok(QueryApiJson.Result(["rows", "changed"], [1L, 1L])));
        _api.On(r => r.Runs(Neo4jStatements.For(kind).Upsert), () => Ok(QueryApiJson.Result(["rows", "changed"], [0L, 0L])));
        _api.On(r => r.Runs(Neo4jStatements.For(kind).FindMissingEnd), () => Ok(QueryApiJson.Result(["i", "fromAlive"], [0L, true])));
        _api.On(r => r.Method == HttpMethod.Delete, () => Ok(""));
        var edge = Some.Edge("HAS_STUDY", patient, study);

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().ApplyAsync(new ChangeSet().Add(patient).Add(edge), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal($"Relationship {edge}: its end node {study.Ref} does not exist.", error.Message);
        Assert.Equal("DELETE /db/neo4j/query/v2/tx/tx-1", _api.Requests[^1].ToString());
    }

    [Fact]
    public async Task Apply_DeadlockMidTransaction_RetriesTheWholeSet()
    {
        var upsert = Neo4jStatements.For(GraphModel.Series).Upsert;
        ExpectTransaction(sequence: 4);
        _api.On(r => r.Runs(upsert), () => Fail(HttpStatusCode.BadRequest, "Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient can't acquire ExclusiveLock"), times: 1);
        _api.On(r => r.Runs(upsert), () => Ok(QueryApiJson.Result(["rows", "changed"], [1L, 1L])), times: 1);
        _api.On(r => r.Method == HttpMethod.Delete, () => Ok(""));
        _api.On(r => r.Path.EndsWith("/commit", StringComparison.Ordinal), () => Ok(QueryApiJson.Committed));

        var result = await Store().ApplyAsync(new ChangeSet().Add(Some.Series()), CancellationToken.None);

        Assert.Equal(new CommitResult(4, 1, 0), result);
        Assert.Equal(2, _api.Requests.Count(r => r.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal)));
        Assert.Equal(1, _api.Requests.Count(r => r.Method == HttpMethod.Delete));
    }

    [Fact]
    public async Task Apply_EmptyChangeSet_OnlyReadsTheSequence()
    {
        _api.Next(() => Ok(QueryApiJson.Scalar("seq", 12L)));

        var result = await Store().ApplyAsync(new ChangeSet(), CancellationToken.None);

        Assert.Equal(new CommitResult(12, 0, 0), result);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Apply_BatchSizeTwo_SplitsFiveNodesIntoThreeStatements()
    {
        ExpectTransaction(sequence: 1);
        _api.On(r => r.Runs(Neo4jStatements.For(GraphModel.Series).Upsert), () => Ok(QueryApiJson.Result(["rows", "changed"], [2L, 2L])));
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
        _api.On(r => r.Runs(Neo4jStatements.Schema[3]), () => Fail(HttpStatusCode.BadRequest, "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists", "An equivalent constraint already exists"), times: 1);
        _api.On(r => r.Runs(Neo4jStatements.AwaitIndexes), () => Fail(HttpStatusCode.Forbidden, "Neo.ClientError.Procedure.ProcedureNotFound", "There is no procedure with the name `db.awaitIndexes`"));
        _api.On(_ => true, () => Ok(QueryApiJson.Result([])));

        await Store().EnsureSchemaAsync(CancellationToken.None);

        Assert.Equal(Neo4jStatements.Schema.Select(s => s.Text), _api.Requests.Take(Neo4jStatements.Schema.Count).Select(r => r.Statement));
        Assert.Contains(_api.Requests, r => r.Runs(Neo4jStatements.EnsureMeta));
    }

    [Fact]
    public async Task EnsureSchema_SyntaxError_IsReported()
    {
        _api.Next(() => Fail(HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError", "Invalid input 'CONSTRAINT'"));

        var error = await Assert.ThrowsAsync<GraphStoreException>(() => Store().EnsureSchemaAsync(CancellationToken.None));

        Assert.Contains("Schema[0]", error.Message, StringComparison.Ordinal);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", QueryApiErrors.Code(error));
    }

    private void ExpectTransaction(long sequence)
    {
        _api.On(r => r.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal), () => Ok(QueryApiJson.Transaction("tx-1"), ("neo4j-cluster-affinity", "affinity-a")));
        _api.On(r => r.Runs(Neo4jStatements.AllocateSequence), () => Ok(QueryApiJson.Scalar("seq", sequence)));
    }
}
