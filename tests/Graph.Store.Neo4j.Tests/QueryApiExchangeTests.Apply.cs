using System.Net;
using Graph.Domain;
using Graph.Store.Neo4j.Tests.Fakes;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

partial class QueryApiExchangeTests
{
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
    private void ExpectTransaction(long sequence)
    {
        _api.On(r => r.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal), () => Ok(QueryApiJson.TransactionOpened, ("neo4j-cluster-affinity", QueryApiJson.Affinity)));
        _api.On(r => r.Runs(Neo4jStatements.AllocateSequence), () => Ok(Allocated(sequence)));
    }
}
