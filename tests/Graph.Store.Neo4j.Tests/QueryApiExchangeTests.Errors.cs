using System.Net;
using Graph.Store.Neo4j.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

partial class QueryApiExchangeTests
{
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
}
