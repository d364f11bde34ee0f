// Header-reading throughput of Graph.Dicom against pydicom's dcmread(stop_before_pixels=True).
//
// Usage (needs Debian's python3-pydicom):
//   dotnet run -c Release --project bench/Graph.Bench.Dicom [-- [--files N] [--python PATH] [--seconds S] [--keep]]
//
//   --files N     synthetic files to generate (default 20000)
//   --python P    the Python that has pydicom (default /usr/bin/python3)
//   --seconds S   least time each timed loop runs (default 3)
//   --keep        keep the generated files (they go to a temporary folder, printed at start)
//
// Both readers see the same file lists: (a) pydicom's own test corpus, (b) the synthetic CT corpus. Each is read
// single-threaded after a warm-up pass, so the operating system's cache is warm for both.
using System.Globalization;
using Graph.Bench.Dicom;

var files = 20_000;
var python = "/usr/bin/python3";
var seconds = 3.0;
var keep = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--files": files = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--python": python = args[++i]; break;
        case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--keep": keep = true; break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; see the usage at the top of Program.cs");
            return 2;
    }
}

var data = Pydicom.DataFolder(python);
if (data is null)
{
    Console.Error.WriteLine($"{python} has no pydicom: apt-get install python3-pydicom, or pass --python");
    return 1;
}

var corpus = new[] { "test_files", "charset_files", "palettes" }
    .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(data, folder), "*", SearchOption.AllDirectories))
    .Order(StringComparer.Ordinal)
    .ToList();
var folder = Path.Combine(Path.GetTempPath(), $"graph-bench-dicom-{Environment.ProcessId}");
Console.WriteLine($"generating {files} files in {folder}");
var synthetic = SyntheticCorpus.Write(folder, files);
try
{
    Console.WriteLine($"{"corpus",-28} {"reader",-28} {"files",8} {"errors",7} {"seconds",8} {"files/s",10}");
    foreach (var (name, paths) in new[] { ($"pydicom test files ({corpus.Count})", corpus), ($"synthetic CT ({synthetic.Count})", synthetic) })
    {
        var ours = OurReader.Time(paths, seconds);
        var theirs = Pydicom.Time(python, paths, seconds);
        foreach (var m in new[] { ours, theirs })
        {
            Console.WriteLine($"{name,-28} {m.Reader,-28} {m.Files,8} {m.Errors,7} {m.Elapsed.TotalSeconds,8:F2} {m.FilesPerSecond,10:F0}");
        }

        Console.WriteLine($"{name,-28} {"ratio (single thread)",-28} {ours.FilesPerSecond / theirs.FilesPerSecond,52:F1}x");
    }
}
finally
{
    if (!keep)
    {
        Directory.Delete(folder, recursive: true);
    }
}

return 0;
