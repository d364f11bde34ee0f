using System.Diagnostics;
using Graph.Testing;

namespace Graph.Dicom.Tests;

/// <summary>The dictionary's C# files are generated from dicom-dictionary.tsv and must be what the generator writes.</summary>
public sealed class GeneratedDictionaryTests
{
    [Fact]
    public async Task GeneratedDictionaryFiles_AreWhatTheGeneratorWritesFromTheTsv()
    {
        var start = new ProcessStartInfo("python3")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("scripts/generate-dicom-dictionary.py");
        start.ArgumentList.Add("--check");

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"python3 scripts/generate-dicom-dictionary.py --check exited {process.ExitCode}:\n{output}{await errors}");
    }
}
