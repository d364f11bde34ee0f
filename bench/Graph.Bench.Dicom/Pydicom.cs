using System.Diagnostics;
using System.Globalization;

namespace Graph.Bench.Dicom;

/// <summary>Times pydicom's dcmread(stop_before_pixels=True) on the same files, in a Python subprocess.</summary>
internal static class Pydicom
{
    // Times only the reading loop; repeats passes until at least min_seconds have passed.
    private const string Script = """
        import sys, time, warnings
        import pydicom
        warnings.simplefilter("ignore")
        with open(sys.argv[1], encoding="utf-8") as f:
            paths = [line.rstrip("\n") for line in f if line.strip()]
        min_seconds = float(sys.argv[2])
        def one_pass():
            errors = 0
            for path in paths:
                try:
                    pydicom.dcmread(path, stop_before_pixels=True, force=True)
                except Exception:
                    errors += 1
            return errors
        one_pass() if len(paths) <= 1000 else None
        files, errors, start = 0, 0, time.perf_counter()
        while True:
            errors += one_pass()
            files += len(paths)
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds:
                break
        print(files, errors, elapsed, pydicom.__version__)
        """;

    /// <summary>Asks Python where pydicom keeps its data folder, or null when pydicom is missing.</summary>
    public static string? DataFolder(string python)
    {
        var output = Run(python, ["-c", "import os, pydicom.data; print(os.path.dirname(pydicom.data.__file__))"], out var exitCode);
        return exitCode == 0 ? output.Trim() : null;
    }

    /// <summary>Reads every file in Python and returns the measurement.</summary>
    public static Measurement Time(string python, IReadOnlyList<string> paths, double minSeconds)
    {
        var list = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(list, paths);
            var output = Run(python, ["-c", Script, list, minSeconds.ToString(CultureInfo.InvariantCulture)], out var exitCode);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"pydicom run failed: {output}");
            }

            var parts = output.Trim().Split(' ');
            return new Measurement(
                int.Parse(parts[0], CultureInfo.InvariantCulture),
                int.Parse(parts[1], CultureInfo.InvariantCulture),
                TimeSpan.FromSeconds(double.Parse(parts[2], CultureInfo.InvariantCulture)),
                $"pydicom {parts[3]}");
        }
        finally
        {
            File.Delete(list);
        }
    }

    private static string Run(string python, IEnumerable<string> arguments, out int exitCode)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {python}");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        exitCode = process.ExitCode;
        return exitCode == 0 ? output : output + errors.Result;
    }
}
