using System.Net;
using Graph.Domain;
using Graph.Store.Neo4j.Tests.Fakes;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

/// <summary>The HTTP exchange with a hand-written Query API that answers as the documentation shows.</summary>
public sealed partial class QueryApiExchangeTests : IDisposable
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
        _api.On(r => r.Runs(Neo4jStatements.ReadPurgeHorizon), () => Ok(QueryApiJson.Scalar("through", QueryApiJson.Integer(7))));
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
}
