namespace Graph.Ingest.Tests.Dicom.Support;

/// <summary>pydicom's test files (Debian python3-pydicom) and DCMTK (Debian dcmtk), which the identity tests modify.</summary>
internal static class PydicomFiles
{
    private const string DebianTestFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";


    /// <summary>The test files folder (override with PYDICOM_DATA, the folder above it), or null.</summary>
    public static string? Folder { get; } = Find();

    /// <summary>The full path of a file of pydicom's test_files folder.</summary>
    public static string File(string name) =>
        Path.Combine(Folder ?? throw new InvalidOperationException("pydicom's test files are required (apt-get install python3-pydicom)."), name);

    private static string? Find()
    {
        var candidate = Environment.GetEnvironmentVariable("PYDICOM_DATA") is { Length: > 0 } data ? Path.Combine(data, "test_files") : DebianTestFiles;
        return Directory.Exists(candidate) ? candidate : null;
    }
}
