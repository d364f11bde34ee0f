using System.Diagnostics;
using System.Globalization;
using System.Text;
using Graph.Testing;

namespace Graph.Bench.Peer;

/// <summary>A server started as a child process on 127.0.0.1 under <c>timeout</c>, so that it stops by itself once its
/// lifetime is over even if the benchmark dies; killed with its children on dispose.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>The id of the process tree's root (the <c>timeout</c> process).</summary>
    public int Id => _process.Id;

    public static ServerProcess Start(string name, string executable, IEnumerable<string> arguments, string workingDirectory, TimeSpan lifetime, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("timeout", ["-s", "TERM", ((int)lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture), executable, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return new ServerProcess(name, Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start."));
    }

    /// <summary>Waits until a GET of <paramref name="probe"/> answers with a success status (or, with <paramref name="anyAnswer"/>, with any status below 500).</summary>
    public async Task WaitReadyAsync(Uri probe, bool anyAnswer, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        if (await Readiness.WaitAsync(client, probe, limit, TimeSpan.FromMilliseconds(250), () => _process.HasExited, anyAnswer, cancellationToken))
            return;
        if (_process.HasExited)
            throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready:\n{LogText()}");
        throw new TimeoutException($"{Name} was not ready after {limit.TotalSeconds:F0} s:\n{LogText()}");
    }

    public string LogText()
    {
        lock (_log)
            return _log.ToString();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Log(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            if (_log.Length < 64 * 1024)
                _log.AppendLine(line);
        }
    }
}
