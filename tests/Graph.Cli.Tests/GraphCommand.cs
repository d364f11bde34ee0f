using System.Diagnostics;

namespace Graph.Cli.Tests;

/// <summary>Runs the built graph command as a separate process, as an operator would.</summary>
internal static class GraphCommand
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "graph.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "200";
        return info;
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
