using System.Diagnostics;

namespace Graph.Store.Neo4j.Tests.Lint;

/// <summary>A node program in a folder of this project with its npm packages pinned by a lock file: installed with npm ci when missing, then run.</summary>
internal sealed class NodeTool(string directory, string markerPackage, string purpose)
{
    private readonly SemaphoreSlim _installGate = new(1, 1);

    /// <summary>The folder of the program and its package-lock.json.</summary>
    public string Directory { get; } = directory;

    /// <summary>Runs a program in the folder, installing the packages first when they are missing.</summary>
    public async Task<(int Exit, string Output, string Error)> RunAsync(string program, string arguments, string? input, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        return await StartAsync(program, arguments, input, cancellationToken);
    }

    private async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await _installGate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(Path.Combine(Directory, "node_modules", markerPackage, "package.json")))
                return;

            // CI machines start clean and the build may have run without npm; install from the lock file now.
            var (exit, _, error) = await StartAsync("npm", "ci --no-audit --no-fund", null, cancellationToken);
            if (exit != 0)
                throw new InvalidOperationException($"npm ci in {Directory} failed ({exit}): {error}");
        }
        finally
        {
            _installGate.Release();
        }
    }

    private async Task<(int Exit, string Output, string Error)> StartAsync(string program, string arguments, string? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} was not found: install Node.js and npm (Debian: apt-get install nodejs npm) to {purpose}.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            if (input is not null)
                await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, await output, await error);
        }
    }
}
