using System.Diagnostics;
using Graph.Dicom;

namespace Graph.Bench.Dicom;

/// <summary>Times <see cref="DicomFile.Read(string, DicomReadOptions?)"/> on one thread, after a warm-up pass.</summary>
internal static class OurReader
{
    public static Measurement Time(IReadOnlyList<string> paths, double minSeconds)
    {
        OnePass(paths);
        var files = 0;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            errors += OnePass(paths);
            files += paths.Count;
        }
        while (clock.Elapsed.TotalSeconds < minSeconds);

        return new Measurement(files, errors, clock.Elapsed, "Graph.Dicom");
    }

    private static int OnePass(IReadOnlyList<string> paths)
    {
        var errors = 0;
        foreach (var path in paths)
        {
            errors += TryRead(path) ? 0 : 1;
        }

        return errors;
    }

    private static bool TryRead(string path)
    {
        try
        {
            DicomFile.Read(path);
            return true;
        }
        catch (DicomReadException)
        {
            return false;
        }
    }
}
