using System.Diagnostics;

namespace Graph.Ingest.Tests.Dicom.Support;

/// <summary>Runs the built graph command as a separate process, as an operator would, without a terminal.</summary>
internal static class GraphCli
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "graph.dll");

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "200";
        info.Environment.Remove("GRAPH_DEID_SECRET");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        return info;
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
