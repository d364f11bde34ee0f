using System.Diagnostics;

namespace Graph.Dicom.Tests.Support;

/// <summary>Runs DCMTK's dcm2json, which writes a file as the DICOM JSON model.</summary>
internal static class Dcm2Json
{
    /// <summary>The JSON of a file (UTF-8 bytes).</summary>
    public static byte[] Convert(string path)
    {
        var executable = TestData.Dcm2json ?? throw new InvalidOperationException("DCMTK's dcm2json is required (apt-get install dcmtk).");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dcm2json failed on {path}: {errors.Result}");
        return output.ToArray();
    }
}
