namespace Graph.Testing;

/// <summary>Real DICOM files from pydicom's test data (Debian python3-pydicom) that the tests load into Orthanc or ingest from a folder.</summary>
public static class PydicomFiles
{
    private const string Root = "/usr/lib/python3/dist-packages/pydicom/data";

    /// <summary>One study each, with patient ids and names in several character sets; test-SR.dcm has no patient id.</summary>
    public static readonly string[] Names =
    [
        "test_files/CT_small.dcm", "test_files/MR_small.dcm", "test_files/rtdose.dcm", "test_files/rtstruct.dcm", "test_files/liver_1frame.dcm",
        "test_files/SC_rgb_rle.dcm", "test_files/693_J2KI.dcm", "charset_files/chrGerm.dcm", "charset_files/chrX1.dcm", "charset_files/chrH31.dcm",
        "test_files/test-SR.dcm",
    ];

    /// <summary>Identifying values of those files that must never reach the store (ASCII parts, as JSON may escape the rest).</summary>
    public static readonly string[] Identifiers =
        ["CompressedSamples", "Lastname", "Phantom30sep", "XiaoDong", "Yamada", "Tarou", "1CT1", "4MR1", "id11111", "SCSGERM", "X1EXAMPLE", "H31EXAMPLE", "CQ500-CT-310"];

    /// <summary>Where pydicom's data is, the folder above test_files (override with PYDICOM_DATA).</summary>
    public static string Folder => Environment.GetEnvironmentVariable("PYDICOM_DATA") is { Length: > 0 } data ? data : Root;

    /// <summary>Whether every file of <see cref="Names"/> is there.</summary>
    public static bool IsInstalled => Names.All(n => System.IO.File.Exists(Path.Combine(Folder, n)));

    /// <summary>The full paths of <see cref="Names"/>.</summary>
    public static IEnumerable<string> Paths => Names.Select(n => Path.Combine(Folder, n));

    /// <summary>The full path of a file of pydicom's test_files folder.</summary>
    /// <exception cref="InvalidOperationException">The file is not there; the message says which package brings it.</exception>
    public static string File(string name)
    {
        var path = Path.Combine(Folder, "test_files", name);
        return System.IO.File.Exists(path) ? path : throw new InvalidOperationException($"pydicom's test file {path} is required (apt-get install -y python3-pydicom).");
    }
}
