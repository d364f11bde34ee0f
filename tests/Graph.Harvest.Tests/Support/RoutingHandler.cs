using System.Net;

namespace Graph.Harvest.Tests.Support;

/// <summary>An HTTP handler that answers DICOM JSON by the first route whose text the request's path and query contain.</summary>
internal sealed class RoutingHandler(params (string Contains, string Json)[] routes) : HttpMessageHandler
{
    public List<string> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri!.PathAndQuery;
        lock (Requests)
            Requests.Add(target);
        foreach (var (contains, json) in routes)
        {
            if (target.Contains(contains, StringComparison.Ordinal))
                return Task.FromResult(ScriptedHandler.Json(json));
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
