using System.Diagnostics;

namespace Graph.Testing;

/// <summary>Runs the built graph command as a separate process, as an operator would, without a terminal.</summary>
public static class GraphCommand
{
    private const string Dll = "graph.dll";

    public static ProcessStartInfo StartInfo(params string[] args) => DotnetProgram.StartInfo(Dll, null, null, args);

    /// <summary>How to start the command with extra environment variables (settings such as Graph__Store, secrets).</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        DotnetProgram.StartInfo(Dll, environment, null, args);

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunInAsync(null, null, args);

    /// <summary>Runs the command in a folder with extra environment variables (settings such as Graph__Store).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunInAsync(string? folder, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        DotnetProgram.RunAsync(DotnetProgram.StartInfo(Dll, environment, folder, args));
}
