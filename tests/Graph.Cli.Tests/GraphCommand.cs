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

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunInAsync(null, null, args);

    /// <summary>Runs the command in a folder with extra environment variables (settings such as Graph__Store).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunInAsync(string? folder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = StartInfo(args);
        if (folder is not null)
            info.WorkingDirectory = folder;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
