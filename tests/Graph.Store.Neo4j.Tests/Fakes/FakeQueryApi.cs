using System.Net;
using System.Text;

namespace Graph.Store.Neo4j.Tests.Fakes;

/// <summary>A hand-written Query API: answers requests from rules in order, and records every request.</summary>
internal sealed class FakeQueryApi : HttpMessageHandler
{
    private readonly List<Rule> _rules = [];
    private readonly Lock _gate = new();

    /// <summary>Every request received, in order.</summary>
    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Answers requests that match, at most <paramref name="times"/> times, before later rules are tried.</summary>
    public FakeQueryApi On(Func<RecordedRequest, bool> match, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond, int times = int.MaxValue)
    {
        lock (_gate)
            _rules.Add(new Rule(match, respond, times));
        return this;
    }

    /// <summary>Answers requests that match with a fixed response.</summary>
    public FakeQueryApi On(Func<RecordedRequest, bool> match, Func<HttpResponseMessage> respond, int times = int.MaxValue) =>
        On(match, (_, _) => Task.FromResult(respond()), times);

    /// <summary>Answers requests that match with a response made from the request.</summary>
    public FakeQueryApi On(Func<RecordedRequest, bool> match, Func<RecordedRequest, HttpResponseMessage> respond, int times = int.MaxValue) =>
        On(match, (request, _) => Task.FromResult(respond(request)), times);

    /// <summary>Answers the next request, whatever it is.</summary>
    public FakeQueryApi Next(Func<HttpResponseMessage> respond) => On(_ => true, respond, 1);

    /// <summary>Answers the next request by throwing, as a broken connection does.</summary>
    public FakeQueryApi NextThrows(Exception error) => On(_ => true, (_, _) => Task.FromException<HttpResponseMessage>(error), 1);

    /// <summary>Never answers matching requests: they wait until cancelled, as a hung server does.</summary>
    public FakeQueryApi Hang(Func<RecordedRequest, bool> match) =>
        On(match, async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

    /// <summary>A JSON response with a status, and optional headers.</summary>
    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/vnd.neo4j.query") };
        foreach (var (name, value) in headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!.AbsolutePath,
            body,
            request.Headers.Authorization?.ToString(),
            request.Headers.Accept.ToString(),
            request.Content?.Headers.ContentType?.MediaType,
            request.Headers.TryGetValues("neo4j-cluster-affinity", out var affinity) ? string.Join(",", affinity) : null);
        Rule? rule;
        lock (_gate)
        {
            Requests.Add(recorded);
            rule = _rules.FirstOrDefault(r => r.Remaining > 0 && r.Match(recorded));
            if (rule is not null)
                rule.Remaining--;
        }

        if (rule is null)
            return Json(HttpStatusCode.InternalServerError, QueryApiJson.Error("Test.Unexpected", $"The fake has no answer for {recorded}: {recorded.Statement}"));
        return await rule.Respond(recorded, cancellationToken);
    }

    private sealed class Rule(Func<RecordedRequest, bool> match, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond, int remaining)
    {
        public Func<RecordedRequest, bool> Match { get; } = match;

        public Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Respond { get; } = respond;

        public int Remaining { get; set; } = remaining;
    }
}
