using System.Diagnostics;

namespace Graph.Testing;

/// <summary>Runs a built program of the solution that sits beside the tests (graph.dll, Graph.Api.dll) as a separate process,
/// as an operator would, without a terminal.</summary>
public static class DotnetProgram
{
    /// <summary>How to start <paramref name="dll"/> with arguments: no colours, a wide console, no de-identification secret
    /// from the test's own environment, then <paramref name="environment"/>, in <paramref name="folder"/> if given.</summary>
    public static ProcessStartInfo StartInfo(string dll, IReadOnlyDictionary<string, string>? environment, string? folder, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        if (folder is not null)
            info.WorkingDirectory = folder;
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "200";
        info.Environment.Remove("GRAPH_DEID_SECRET");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        return info;
    }

    /// <summary>Runs a process to its end (three minutes at most) and returns its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(ProcessStartInfo info, TimeSpan? limit = null)
    {
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
