namespace Graph.Dicom.Tests.Support;

/// <summary>Where the reference data lives: pydicom's test files (Debian python3-pydicom) and DCMTK (Debian dcmtk).</summary>
internal static class TestData
{
    private const string DebianPydicomData = "/usr/lib/python3/dist-packages/pydicom/data";
    private static readonly string[] CorpusFolders = ["test_files", "charset_files", "palettes"];


    /// <summary>pydicom's data folder (override with PYDICOM_DATA), or null when it is not installed.</summary>
    public static string? PydicomData { get; } = FindPydicomData();

    /// <summary>The dcmdump executable on PATH, or null.</summary>
    public static string? Dcmdump { get; } = FindOnPath("dcmdump");

    /// <summary>The dcmconv executable on PATH, or null.</summary>
    public static string? Dcmconv { get; } = FindOnPath("dcmconv");

    /// <summary>The dcm2json executable on PATH, or null.</summary>
    public static string? Dcm2json { get; } = FindOnPath("dcm2json");

    /// <summary>The full path of a file of pydicom's data folder, such as "test_files/CT_small.dcm".</summary>
    public static string File(string relativePath)
    {
        var root = PydicomData ?? throw new InvalidOperationException(
            "pydicom's test files are required (apt-get install python3-pydicom); set PYDICOM_DATA to use another copy.");
        return Path.Combine(root, relativePath);
    }

    /// <summary>The bytes of a file of pydicom's data folder.</summary>
    public static byte[] Bytes(string relativePath) => System.IO.File.ReadAllBytes(File(relativePath));

    /// <summary>Every file of the corpus (test_files, charset_files, palettes), as paths relative to the data folder.</summary>
    public static IReadOnlyList<string> CorpusFiles()
    {
        if (PydicomData is null)
        {
            return [];
        }

        return CorpusFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(PydicomData, folder), "*", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(PydicomData, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string? FindPydicomData()
    {
        // An explicit PYDICOM_DATA wins, even when wrong, so a missing corpus can be tried out.
        var candidate = Environment.GetEnvironmentVariable("PYDICOM_DATA") is { Length: > 0 } configured ? configured : DebianPydicomData;
        return Directory.Exists(Path.Combine(candidate, "test_files")) ? candidate : null;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(System.IO.File.Exists);
}
