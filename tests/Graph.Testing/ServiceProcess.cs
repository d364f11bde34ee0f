using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Graph.Testing;

/// <summary>The service (Graph.Api.dll) run as a separate process on 127.0.0.1, as an operator runs it, so a test can kill it,
/// restart it, run two on one store or run one built elsewhere.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly List<string> _warnings = [];

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = CreateClient();
    }

    public int Port { get; }

    /// <summary>A client for the service; requests made through <see cref="PostAsync"/> go through <see cref="Authorize"/>.</summary>
    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the service wrote to its console so far (the end of it), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.Length > 4000 ? _log.ToString(_log.Length - 4000, 4000) : _log.ToString();
        }
    }

    /// <summary>Everything the service wrote to its console so far (the last 128 KB to 256 KB of it), in whole lines.</summary>
    public string FullLog
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    /// <summary>Every console line the service wrote at warning level or above (Serilog's WRN, ERR and FTL), all of them.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_log)
                return [.. _warnings];
        }
    }

    /// <summary>Starts the service on a data folder and waits until it reports ready.</summary>
    public static Task<ServiceProcess> StartAsync(string dataDirectory, int demoPatients, params string[] extra) =>
        StartAsync(dataDirectory, demoPatients, new Dictionary<string, string>(), extra);

    /// <summary>Starts the service with extra environment variables (a fresh HOME, as on a new machine) and waits until it reports ready.</summary>
    public static Task<ServiceProcess> StartAsync(string dataDirectory, int demoPatients, IReadOnlyDictionary<string, string> environment, params string[] extra) =>
        StartAsync("Graph.Api.dll", dataDirectory, "admin", environment,
        [
            "--demo-patients", demoPatients.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Graph:FollowIntervalSeconds", "0.5",
            "--Graph:Limits:RequestsPerSecondPerKey", "0", "--Graph:Limits:RequestsPerSecondPerAddress", "0", .. extra,
        ],
        // A launch-scale catalogue (tens of thousands of patients) is seeded on first start, which takes minutes on a busy machine.
        TimeSpan.FromSeconds(demoPatients >= 10_000 ? 900 : 120));

    /// <summary>Starts a built service (<paramref name="dll"/>: beside the tests, or a path) on a data folder with a key of
    /// <paramref name="role"/> for <see cref="PostAsync"/>, and waits until it reports ready.</summary>
    public static async Task<ServiceProcess> StartAsync(
        string dll, string dataDirectory, string role, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> args, TimeSpan readyWithin)
    {
        var port = Ports.Free();
        string? key;
        try
        {
            key = await TestKeys.CreateAsync(dataDirectory, role);
            Keys[(dataDirectory, role)] = key;
        }
        catch (Graph.Store.GraphStoreException)
        {
            // A data folder remounted read-only: the key made when it was writable is still in its access.db.
            key = Keys.GetValueOrDefault((dataDirectory, role));
        }

        // An argument may name the service's port as {port} (a second address in --urls, say).
        var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var info = DotnetProgram.StartInfo(dll, environment, null, ["--urls", $"http://127.0.0.1:{port}", "--data", dataDirectory, .. args.Select(a => a.Replace("{port}", portText, StringComparison.Ordinal))]);
        var service = new ServiceProcess(Process.Start(info)!, port) { _key = key };
        Running[service._process.Id] = service._process;
        service._process.OutputDataReceived += (_, e) => service.Append(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        await service.WaitUntilReadyAsync(readyWithin);
        return service;
    }

    /// <summary>Sends one GraphQL request over POST and returns the status and the parsed body.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string query, object? variables = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        Authorize(request);
        using var response = await Client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = JsonNode.Parse(text)?.AsObject() ?? throw new InvalidOperationException($"Empty response ({response.StatusCode}).");
        return (response.StatusCode, body);
    }

    /// <summary>Posts a query that must succeed and returns its data.</summary>
    public async Task<JsonObject> DataAsync(string query, object? variables = null)
    {
        var (status, body) = await PostAsync(query, variables);
        Assert.True(status == HttpStatusCode.OK && body["errors"] is null, $"{status}: {body.ToJsonString()}");
        return body["data"]!.AsObject();
    }

    /// <summary>Kills the process at once (SIGKILL), as a power cut or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop (SIGTERM), as a service manager does, and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Running.TryRemove(_process.Id, out _);
        Client.Dispose();
        _process.Dispose();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Data, string Role), string> Keys = new();

    // Every service started and not yet disposed: killed when the test process exits, so that a test that forgets to dispose
    // one (or a test class xUnit does not dispose) leaves no service running on the machine.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Process> Running = Watch();

    private static System.Collections.Concurrent.ConcurrentDictionary<int, Process> Watch()
    {
        var running = new System.Collections.Concurrent.ConcurrentDictionary<int, Process>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in running.Values)
            {
                try
                {
                    if (!process.HasExited)
                        process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Exited meanwhile.
                }
            }
        };
        return running;
    }

    private string? _key;

    // The one place where requests get credentials: the key of the role the service was started with (an administrator's,
    // unless said otherwise, so mutations run and every record is read).
    private void Authorize(HttpRequestMessage request)
    {
        if (_key is not null)
            request.Headers.Add(TestKeys.Header, _key);
    }

    private HttpClient CreateClient() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(60) };

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        if (await Readiness.WaitAsync(Client, new Uri("/health/ready", UriKind.Relative), timeout, TimeSpan.FromMilliseconds(200), () => _process.HasExited))
            return;
        if (_process.HasExited)
            throw new InvalidOperationException($"The service exited with code {_process.ExitCode}:\n{Log}");
        throw new TimeoutException($"The service was not ready within {timeout.TotalSeconds} s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            if (line.Contains(" WRN]", StringComparison.Ordinal) || line.Contains(" ERR]", StringComparison.Ordinal) || line.Contains(" FTL]", StringComparison.Ordinal)
                || line.Contains("\"@l\":\"Warning\"", StringComparison.Ordinal) || line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal))
                _warnings.Add(line);
            if (_log.Length > 256 * 1024)
            {
                // Whole lines only, so that the log can still be read line by line.
                var cut = _log.ToString(0, 128 * 1024).LastIndexOf('\n') + 1;
                _log.Remove(0, cut > 0 ? cut : 128 * 1024);
            }

            _log.AppendLine(line);
        }
    }

}
