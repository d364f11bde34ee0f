using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Graph.Testing;

/// <summary>A real Orthanc with its DICOMweb plugin on 127.0.0.1, with its own configuration, temporary storage and free ports;
/// started, stopped and restarted by tests, deleted on dispose.</summary>
public sealed class OrthancServer : IAsyncDisposable
{
    public const string User = "harvester";
    public const string Password = "orthanc-test-password-k3y9";
    public const string InstallCommand = "apt-get install -y orthanc orthanc-dicomweb";

    private static readonly string[] PluginCandidates =
        ["/usr/share/orthanc/plugins/libOrthancDicomWeb.so", "/usr/lib/orthanc/libOrthancDicomWeb.so", "/usr/lib/orthanc/libOrthancDicomWeb.so.1.7"];

    private readonly TempDirectory _folder = new();
    private readonly StringBuilder _log = new();
    private Process? _process;

    private OrthancServer()
    {
        HttpPort = Ports.Free();
        DicomPort = Ports.Free();
        Rest = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/") };
        Rest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
    }

    /// <summary>The Orthanc executable (override with ORTHANC_EXECUTABLE), or null.</summary>
    public static string? Executable { get; } = Find(Environment.GetEnvironmentVariable("ORTHANC_EXECUTABLE"), "/usr/sbin/Orthanc", "/usr/bin/Orthanc", "/usr/local/bin/Orthanc");

    /// <summary>The DICOMweb plugin (override with ORTHANC_DICOMWEB_PLUGIN), or null.</summary>
    public static string? Plugin { get; } = Find([Environment.GetEnvironmentVariable("ORTHANC_DICOMWEB_PLUGIN"), .. PluginCandidates]);

    public int HttpPort { get; }

    public int DicomPort { get; }

    /// <summary>Orthanc's REST API, authenticated.</summary>
    public HttpClient Rest { get; }

    /// <summary>The DICOMweb root.</summary>
    public string DicomWebRoot => $"http://127.0.0.1:{HttpPort}/dicom-web/";

    /// <summary>Whether the process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts an empty Orthanc.</summary>
    public static async Task<OrthancServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Executable is null || Plugin is null)
            throw new InvalidOperationException($"Orthanc with its DICOMweb plugin is required ({InstallCommand}).");
        for (var attempt = 1; ; attempt++)
        {
            var server = new OrthancServer();
            server.WriteConfiguration();
            try
            {
                await server.RunAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("already in use", StringComparison.Ordinal))
            {
                // Another process took a port between the check and Orthanc's bind: try fresh ones.
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>Kills the process at once, as a crash or a pulled cable would.</summary>
    public void Kill()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the process again on the same ports and storage.</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default)
    {
        Kill();
        return RunAsync(cancellationToken);
    }

    /// <summary>Uploads a Part 10 file through the REST API.</summary>
    public async Task UploadAsync(byte[] dicom, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(dicom);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
        using var response = await Rest.PostAsync(new Uri("instances", UriKind.Relative), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Orthanc refused an upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    /// <summary>Deletes a study, found by its Study Instance UID.</summary>
    public async Task DeleteStudyAsync(string studyInstanceUid, CancellationToken cancellationToken = default)
    {
        using var lookup = await Rest.PostAsync(new Uri("tools/lookup", UriKind.Relative), new StringContent(studyInstanceUid), cancellationToken);
        var found = JsonNode.Parse(await lookup.Content.ReadAsStringAsync(cancellationToken))!.AsArray();
        var id = found.Single(f => (string?)f!["Type"] == "Study")!["ID"]!.GetValue<string>();
        using var deleted = await Rest.DeleteAsync(new Uri($"studies/{id}", UriKind.Relative), cancellationToken);
        deleted.EnsureSuccessStatusCode();
    }

    /// <summary>How many resources of a level (patients, studies, series, instances) Orthanc holds.</summary>
    public async Task<int> CountAsync(string level, CancellationToken cancellationToken = default) =>
        JsonNode.Parse(await Rest.GetStringAsync(new Uri(level, UriKind.Relative), cancellationToken))!.AsArray().Count;

    public async ValueTask DisposeAsync()
    {
        Kill();
        Rest.Dispose();
        await Task.Yield();
        _folder.Dispose();
    }

    private static string? Find(params string?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    private void WriteConfiguration()
    {
        var storage = Path.Combine(_folder.Path, "storage");
        var configuration = new Dictionary<string, object>
        {
            ["Name"] = "graph-harvest-tests",
            ["StorageDirectory"] = storage,
            ["IndexDirectory"] = storage,
            ["HttpPort"] = HttpPort,
            ["DicomPort"] = DicomPort,
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = true,
            ["RegisteredUsers"] = new Dictionary<string, string> { [User] = Password },
            ["Plugins"] = new[] { Plugin! },
            ["DicomWeb"] = new Dictionary<string, object> { ["Enable"] = true, ["Root"] = "/dicom-web/" },
            ["SaveJobs"] = false,
        };
        File.WriteAllText(Path.Combine(_folder.Path, "orthanc.json"), JsonSerializer.Serialize(configuration));
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Executable!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder.Path };
        info.ArgumentList.Add(Path.Combine(_folder.Path, "orthanc.json"));
        _process = Process.Start(info) ?? throw new InvalidOperationException("Orthanc did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (await Readiness.WaitAsync(Rest, new Uri("system", UriKind.Relative), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50), () => _process!.HasExited, cancellationToken: cancellationToken))
            return;

        string log;
        lock (_log)
            log = _log.ToString();
        Kill();
        throw new InvalidOperationException($"Orthanc did not answer on port {HttpPort}. Its log:\n{log}");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }
}
