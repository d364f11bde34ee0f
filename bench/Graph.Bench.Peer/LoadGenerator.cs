using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Graph.Bench.Peer;

/// <summary>A closed-loop HTTP load generator: a fixed number of workers, each on its own thread and keep-alive connection
/// (<see cref="Http1Connection"/>), sending its next request as soon as the last answered, for a fixed time; the same for both
/// sides. Requests outside the timed runs (answers to check, pages to walk) go through HttpClient.</summary>
/// <param name="apiKey">Sent as X-Api-Key (our service answers a curator with every record; PostGraphile ignores the header).</param>
internal sealed class LoadGenerator(int concurrency, TimeSpan warmUp, TimeSpan duration, string? apiKey) : IDisposable
{
    private static readonly byte[] ErrorsMarker = Encoding.UTF8.GetBytes("\"errors\"");
    private readonly HttpClient _client = new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public int Concurrency => concurrency;

    /// <summary>Sends one request and returns the answer's text.</summary>
    public async Task<string> SendAsync(Uri endpoint, byte[] body, CancellationToken cancellationToken)
    {
        using var response = await _client.SendAsync(Request(endpoint, body), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{endpoint} answered {(int)response.StatusCode}: {text[..Math.Min(500, text.Length)]}");
        return text;
    }

    /// <summary>Warms up, then measures throughput and latency percentiles over the duration. Repeated requests (warm-up 0) are
    /// cycled throughout; a stream of distinct requests is cycled over its first <see cref="Scenario.WarmUp"/> for warm-up, then
    /// the rest is sent once each, in order, until the duration is over or the stream runs out. The CPU time the server's
    /// processes (<paramref name="serverCpuSeconds"/>) and this process used in the timed window is measured too.</summary>
    public async Task<LoadResult> RunAsync(Uri endpoint, Scenario scenario, IReadOnlyList<byte[]> bodies, Func<double> serverCpuSeconds, CancellationToken cancellationToken)
    {
        var warmUpBodies = scenario.Distinct ? bodies.Take(scenario.WarmUp).ToArray() : bodies;
        var timedBodies = scenario.Distinct ? bodies.Skip(scenario.WarmUp).ToArray() : bodies;
        await RunPhaseAsync(endpoint, warmUpBodies, cycle: true, warmUp, null, cancellationToken);
        var latencies = new List<double>[concurrency];
        for (var i = 0; i < concurrency; i++)
            latencies[i] = new List<double>(4096);
        var (serverBefore, ownBefore) = (serverCpuSeconds(), GeneratorCpuSeconds());
        var watch = Stopwatch.StartNew();
        var (errors, exhausted) = await RunPhaseAsync(endpoint, timedBodies, cycle: !scenario.Distinct, duration, latencies, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        var (serverCpu, ownCpu) = (serverCpuSeconds() - serverBefore, GeneratorCpuSeconds() - ownBefore);
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return all.Length == 0
            ? new LoadResult(0, errors, seconds, double.NaN, double.NaN, serverCpu, ownCpu, exhausted)
            : new LoadResult(all.Length, errors, seconds, all[all.Length / 2], all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))], serverCpu, ownCpu, exhausted);
    }

    private static double GeneratorCpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Sends one request as the timed workers do (<see cref="Http1Connection"/>) and returns the answer's text, so that
    /// a run can show that they read what HttpClient reads.</summary>
    public string SendAsWorker(Uri endpoint, byte[] body)
    {
        using var connection = new Http1Connection(endpoint, apiKey);
        var (status, answer) = connection.Post(body);
        var text = Encoding.UTF8.GetString(answer.Span);
        return status == 200 ? text : throw new InvalidOperationException($"{endpoint} answered {status}: {text[..Math.Min(500, text.Length)]}");
    }

    // One thread per worker, each with its own connection on a blocking socket (see Http1Connection for why).
    private async Task<(int Errors, bool Exhausted)> RunPhaseAsync(Uri endpoint, IReadOnlyList<byte[]> bodies, bool cycle, TimeSpan length, List<double>[]? latencies, CancellationToken cancellationToken)
    {
        var next = -1;
        var errors = 0;
        var exhausted = false;
        var end = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Factory.StartNew(() =>
        {
            using var connection = new Http1Connection(endpoint, apiKey);
            while (Stopwatch.GetTimestamp() < end && !cancellationToken.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                if (!cycle && index >= bodies.Count)
                {
                    exhausted = true;
                    break;
                }

                var body = bodies[(int)((uint)index % (uint)bodies.Count)];
                var start = Stopwatch.GetTimestamp();
                var ok = SendOnce(connection, body);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!ok)
                    Interlocked.Increment(ref errors);
                else
                    latencies?[worker].Add(elapsed);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        await Task.WhenAll(workers);
        cancellationToken.ThrowIfCancellationRequested();
        return (errors, exhausted);
    }

    private static bool SendOnce(Http1Connection connection, byte[] body)
    {
        try
        {
            var (status, answer) = connection.Post(body);
            return status == 200 && answer.Span.IndexOf(ErrorsMarker) < 0;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or InvalidDataException)
        {
            return false;
        }
    }

    private HttpRequestMessage Request(Uri endpoint, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (apiKey is not null)
            request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }
}
