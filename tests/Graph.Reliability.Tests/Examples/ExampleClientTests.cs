using System.Diagnostics;
using Graph.Testing;

namespace Graph.Reliability.Tests.Examples;

/// <summary>The client examples of examples/ run as a user runs them, against the service as a process on 127.0.0.1.</summary>
public sealed class ExampleClientTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private ServiceProcess? _service;
    private string? _researcher;

    public async Task InitializeAsync()
    {
        _researcher = await TestKeys.CreateAsync(_data.Path, "researcher");
        _service = await ServiceProcess.StartAsync(_data.Path, 600);
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
            await _service.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>examples/python: finds a cohort, saves it with saveCohort, exports its series as CSV and reads them into a pandas DataFrame of as many rows as GraphQL counts.</summary>
    [Fact]
    public async Task Python_FindSaveExportRead_Succeeds()
    {
        var script = Path.Combine(RepositoryRoot(), "examples", "python", "cohort_to_dataframe.py");
        // Debian's interpreter, whose python3-pandas and python3-requests the test command installs (not a python3 of another install on PATH).
        var info = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add("--url");
        info.ArgumentList.Add($"http://127.0.0.1:{_service!.Port}");
        info.Environment["GRAPH_API_KEY"] = _researcher;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("saved: cohort ", text, StringComparison.Ordinal);
        Assert.Contains("exported: ", text, StringComparison.Ordinal);
        Assert.EndsWith("ok", text.TrimEnd(), StringComparison.Ordinal);
    }

    /// <summary>examples/typescript: installs its pinned packages with npm ci, generates its types from schema/graph.graphql with GraphQL Code Generator, compiles with tsc, then finds a cohort, saves it, exports its series as CSV through graphql-request and fetch, and counts as many rows as GraphQL.</summary>
    [Fact]
    public async Task TypeScript_FindSaveExportRead_Succeeds()
    {
        var example = Path.Combine(RepositoryRoot(), "examples", "typescript");
        // The steps a user takes on a new machine: exact versions from package-lock.json, types from the schema file as it is now.
        foreach (var step in new[] { new[] { "ci", "--no-audit", "--no-fund" }, new[] { "run", "codegen" }, new[] { "run", "build" } })
        {
            var (exit, output) = await RunAsync("npm", step, example, TimeSpan.FromMinutes(10));
            Assert.True(exit == 0, $"npm {string.Join(' ', step)}: {output}");
        }

        var (code, text) = await RunAsync("node", ["dist/cohort-to-rows.js", "--url", $"http://127.0.0.1:{_service!.Port}"], example, TimeSpan.FromMinutes(3), _researcher);
        Assert.True(code == 0, text);
        Assert.Contains("saved: cohort ", text, StringComparison.Ordinal);
        Assert.Contains("exported: ", text, StringComparison.Ordinal);
        Assert.EndsWith("ok", text.TrimEnd(), StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string directory, TimeSpan timeout, string? apiKey = null)
    {
        var info = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        if (apiKey is not null)
            info.Environment["GRAPH_API_KEY"] = apiKey;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Graph.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Graph.sln not found above the test folder.");
    }
}
