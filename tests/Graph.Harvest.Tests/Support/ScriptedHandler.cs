using System.Net;

namespace Graph.Harvest.Tests.Support;

/// <summary>An HTTP handler that answers each request with the next scripted answer, and records the requests.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
{
    private int _next;

    public List<HttpRequestMessage> Requests { get; } = [];

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/dicom+json") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var answer = answers[Math.Min(_next++, answers.Length - 1)];
        return Task.FromResult(answer(request));
    }
}
