using System.Diagnostics;

namespace Graph.Ingest.Tests.Dicom.Support;

/// <summary>Runs DCMTK's dcmodify (to write identifying values into real files) and dcm2json.</summary>
internal static class Dcmtk
{
    public static string? Dcmodify { get; } = FindOnPath("dcmodify");

    public static string? Dcm2json { get; } = FindOnPath("dcm2json");

    /// <summary>Inserts or replaces elements ("(gggg,eeee)=value") and erases others ("(gggg,eeee)"), in place.</summary>
    public static void Modify(string path, IEnumerable<string> insert, IEnumerable<string>? erase = null)
    {
        var arguments = new List<string> { "-nb", "-imt" };
        foreach (var element in insert)
            arguments.AddRange(["-i", element]);
        foreach (var element in erase ?? [])
            arguments.AddRange(["-ea", element]);
        arguments.Add(path);
        Run(Dcmodify ?? throw new InvalidOperationException("DCMTK's dcmodify is required (apt-get install dcmtk)."), arguments);
    }

    /// <summary>The DICOM JSON of a file.</summary>
    public static string ToJson(string path) => Run(Dcm2json ?? throw new InvalidOperationException("DCMTK's dcm2json is required (apt-get install dcmtk)."), [path]);

    private static string Run(string executable, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(executable)} failed: {errors.Result}");
        return output;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
