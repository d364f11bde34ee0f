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

    /// <summary>Where pydicom's data is (override with PYDICOM_DATA).</summary>
    public static string Folder => Environment.GetEnvironmentVariable("PYDICOM_DATA") is { Length: > 0 } data ? data : Root;

    public static bool IsInstalled => Names.All(n => File.Exists(Path.Combine(Folder, n)));

    public static IEnumerable<string> Paths => Names.Select(n => Path.Combine(Folder, n));
}
