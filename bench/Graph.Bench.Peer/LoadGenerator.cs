using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Graph.Bench.Peer;

/// <summary>A closed-loop HTTP load generator: a fixed number of workers, each sending its next request as soon as the last
/// answered, for a fixed time; the same for both sides.</summary>
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

    private async Task<(int Errors, bool Exhausted)> RunPhaseAsync(Uri endpoint, IReadOnlyList<byte[]> bodies, bool cycle, TimeSpan length, List<double>[]? latencies, CancellationToken cancellationToken)
    {
        var next = -1;
        var errors = 0;
        var exhausted = false;
        var end = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var index = Interlocked.Increment(ref next);
                if (!cycle && index >= bodies.Count)
                {
                    exhausted = true;
                    break;
                }

                var body = bodies[(int)((uint)index % (uint)bodies.Count)];
                var start = Stopwatch.GetTimestamp();
                var ok = await SendOnceAsync(endpoint, body, cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!ok)
                    Interlocked.Increment(ref errors);
                else
                    latencies?[worker].Add(elapsed);
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        return (errors, exhausted);
    }

    private async Task<bool> SendOnceAsync(Uri endpoint, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.SendAsync(Request(endpoint, body), HttpCompletionOption.ResponseContentRead, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.IsSuccessStatusCode && bytes.AsSpan().IndexOf(ErrorsMarker) < 0;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
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
