using System.Diagnostics;
using System.Diagnostics.Tracing;
using Graph.Testing;
using Microsoft.Diagnostics.NETCore.Client;

namespace Graph.Bench.Soak;

/// <summary>The service started as its own process on 127.0.0.1, with its resident memory read from /proc.</summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceUnderTest(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServiceUnderTest> StartAsync(string dataDirectory, int seedPatients)
    {
        var port = Ports.Free();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Graph.Api.dll"), "--urls", $"http://127.0.0.1:{port}", "--data", dataDirectory,
            "--seed-demo", seedPatients > 0 ? "true" : "false", "--demo-patients", Math.Max(1, seedPatients).ToString(System.Globalization.CultureInfo.InvariantCulture), "--Serilog:MinimumLevel:Default", "Warning", "--Graph:EnableIde", "false",
            // Rate limits on: the per-address (anonymous) and refused-credential limits at their defaults; per key high enough for the
            // good clients, which share one key.
            "--Graph:Limits:RequestsPerSecondPerKey", "2000",
        })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot start the service.");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceUnderTest(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = service.Address };
        if (await Readiness.WaitAsync(client, new Uri("/health/ready", UriKind.Relative), TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(250), () => process.HasExited))
            return service;
        if (process.HasExited)
            throw new InvalidOperationException($"The service exited with code {process.ExitCode}.");
        throw new TimeoutException("The service was not ready within 3 minutes.");
    }

    /// <summary>Resident memory of the service process, in MiB.</summary>
    public double ResidentMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }

        return double.NaN;
    }

    /// <summary>Makes the service run a full, compacting garbage collection, as dotnet-gcdump does (an EventPipe session asking for a heap collection).</summary>
    public async Task<bool> CollectGarbageAsync()
    {
        try
        {
            var client = new DiagnosticsClient(_process.Id);
            const long gc = 0x1, gcHeapCollect = 0x800000;
            using var session = client.StartEventPipeSession(
                [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, gc | gcHeapCollect)], requestRundown: false);
            var drain = session.EventStream.CopyToAsync(Stream.Null);
            await Task.Delay(TimeSpan.FromSeconds(3));
            await session.StopAsync(CancellationToken.None);
            await drain;
            return true;
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or IOException or TimeoutException)
        {
            Console.WriteLine($"Could not make the service collect garbage: {e.Message}");
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int _errorLines;
    private static int _warningLines;

    /// <summary>Lines the service logged at error (ERR, FTL) and at warning level (WRN) so far.</summary>
    public static (int Errors, int Warnings) LoggedProblems => (Volatile.Read(ref _errorLines), Volatile.Read(ref _warningLines));

    private static void Echo(string? line)
    {
        if (string.IsNullOrEmpty(line))
            return;
        if (line.Contains(" ERR]", StringComparison.Ordinal) || line.Contains(" FTL]", StringComparison.Ordinal))
            Interlocked.Increment(ref _errorLines);
        if (line.Contains(" WRN]", StringComparison.Ordinal))
            Interlocked.Increment(ref _warningLines);
        Console.WriteLine("  [service] " + line);
    }
}
