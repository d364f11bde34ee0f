using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Graph.Testing;

/// <summary>A real PostgreSQL server on 127.0.0.1 and a free port, with its own data folder; stops on dispose, and by itself
/// (fast shutdown) once its lifetime is over.</summary>
/// <remarks>initdb refuses to run as root, so under root the server runs as the <c>postgres</c> user (runuser).</remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string InstallCommand = "apt-get install -y postgresql";

    private readonly StringBuilder _log = new();
    private Process? _process;

    private PostgresServer(string bin, string folder)
    {
        Bin = bin;
        Folder = folder;
        Port = Ports.Free();
    }

    /// <summary>The folder of initdb, postgres, pg_ctl and psql (override with PG_BIN), or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory { get; } = FindBin();

    public string Bin { get; }

    public string Folder { get; }

    public string DataDirectory => Path.Combine(Folder, "data");

    public int Port { get; }

    /// <summary>The postmaster's process id.</summary>
    public int ProcessId => int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    /// <summary>A libpq connection URL for the <c>postgres</c> superuser and a database.</summary>
    public string Url(string database = "postgres") => $"postgres://postgres@127.0.0.1:{Port}/{database}";

    /// <summary>Creates a cluster in a new temporary folder and starts it; <paramref name="settings"/> go to postgres as -c name=value.</summary>
    public static async Task<PostgresServer> StartAsync(TimeSpan lifetime, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        var bin = BinDirectory ?? throw new InvalidOperationException($"PostgreSQL is not installed (initdb was not found under /usr/lib/postgresql/*/bin); {InstallCommand}.");
        var folder = Path.Combine(Path.GetTempPath(), "graph-postgres", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(bin, folder);
        try
        {
            if (IsRoot)
                await RunAsync("chown", ["postgres:postgres", folder], null, cancellationToken);
            await server.RunAsServerUserAsync(Path.Combine(bin, "initdb"), ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], cancellationToken);
            await server.StartProcessAsync(lifetime, settings ?? new Dictionary<string, string>(), cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs SQL with psql (ON_ERROR_STOP, unaligned, tuples only) and returns its output.</summary>
    public Task<string> PsqlAsync(string sql, string database = "postgres", CancellationToken cancellationToken = default) =>
        RunAsync(Path.Combine(Bin, "psql"), [.. PsqlArguments(database), "-c", sql], null, cancellationToken);

    /// <summary>Runs a psql script file from a working folder.</summary>
    public Task<string> PsqlFileAsync(string file, string workingDirectory, string database = "postgres", CancellationToken cancellationToken = default) =>
        RunAsync(Path.Combine(Bin, "psql"), [.. PsqlArguments(database), "-f", file], workingDirectory, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            try
            {
                await RunAsServerUserAsync(Path.Combine(Bin, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w"], CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
            }

            if (!_process.WaitForExit(10_000))
                _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private string[] PsqlArguments(string database) => ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", database];

    private async Task StartProcessAsync(TimeSpan lifetime, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        // timeout sends SIGINT (fast shutdown) when the lifetime is over, so a server outlives no crashed test or benchmark.
        List<string> command = ["timeout", "-s", "INT", ((int)lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture), Path.Combine(Bin, "postgres"),
            "-D", DataDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", Folder, "-c", "listen_addresses=127.0.0.1"];
        foreach (var (name, value) in settings)
            command.AddRange(["-c", $"{name}={value}"]);
        var start = IsRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", .. command]) : new ProcessStartInfo(command[0], command[1..]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException("postgres did not start.");
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"postgres exited with {_process.ExitCode} on start: {LogText()}");
            try
            {
                await PsqlAsync("SELECT 1", cancellationToken: cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private Task<string> RunAsServerUserAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], null, cancellationToken) : RunAsync(executable, arguments, null, cancellationToken);

    private static async Task<string> RunAsync(string executable, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
            start.WorkingDirectory = workingDirectory;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(executable)} {string.Join(' ', arguments.Take(3))} ... exited with {process.ExitCode}: {await error}");
        return (await output).Trim();
    }

    private void Log(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }

    private string LogText()
    {
        lock (_log)
            return _log.ToString();
    }

    private static string? FindBin()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        if (!Directory.Exists("/usr/lib/postgresql"))
            return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), CultureInfo.InvariantCulture, out var v) ? v : 0)
            .FirstOrDefault();
    }

}
