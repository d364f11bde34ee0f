using System.Net;
using System.Net.Http.Headers;
using Graph.Testing;

namespace Graph.Store.Neo4j.Tests.Fakes;

/// <summary>Serves a <see cref="FakeQueryApi"/> over HTTP on 127.0.0.1, for processes (the graph command, the service) that talk to Neo4j themselves.</summary>
internal sealed class FakeQueryApiServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpMessageInvoker _invoker;
    private readonly Task _loop;

    public FakeQueryApiServer(FakeQueryApi api)
    {
        _invoker = new HttpMessageInvoker(api, disposeHandler: false);
        Uri = new Uri($"http://127.0.0.1:{Ports.Free()}");
        _listener.Prefixes.Add(Uri + "/".TrimStart('/'));
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server root, for Graph:Neo4j:Uri.</summary>
    public Uri Uri { get; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), context.Request.Url);
            if (context.Request.HasEntityBody)
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                request.Content = new ByteArrayContent(body.ToArray());
                if (context.Request.ContentType is { } type)
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            }

            foreach (var name in new[] { "Authorization", "Accept", QueryApiClient.AffinityHeader })
            {
                if (context.Request.Headers[name] is { } value)
                    request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await _invoker.SendAsync(request, CancellationToken.None);
            context.Response.StatusCode = (int)response.StatusCode;
            if (response.Headers.TryGetValues(QueryApiClient.AffinityHeader, out var affinity))
                context.Response.Headers[QueryApiClient.AffinityHeader] = string.Join(",", affinity);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception)
        {
            // A broken connection in the fake is the test's to notice, through the client's error.
            context.Response.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
        _invoker.Dispose();
    }
}
