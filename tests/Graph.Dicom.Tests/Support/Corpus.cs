namespace Graph.Dicom.Tests.Support;

/// <summary>The files of pydicom's corpus that are left out of the comparison with DCMTK, each with the reason.</summary>
internal static class Corpus
{
    /// <summary>Files that are not DICOM at all; reading them must throw <see cref="DicomReadException"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotDicom = new Dictionary<string, string>
    {
        ["charset_files/FileInfo.txt"] = "text: a table of the character set files",
        ["palettes/README.md"] = "text",
        ["test_files/README.txt"] = "text",
        ["test_files/dicomdirtests/README.txt"] = "text",
        ["test_files/dicomdirtests/TINY_ALPHA/README"] = "text",
        ["test_files/rtplan.dump"] = "text: a dump of rtplan.dcm",
        ["test_files/rtstruct.dump"] = "text: a dump of rtstruct.dcm",
        ["test_files/test1.json"] = "DICOM JSON, read in DicomJsonTests",
        ["test_files/test_PN.json"] = "DICOM JSON, read in DicomJsonTests",
        ["test_files/zipMR.gz"] = "gzip-compressed MR_small.dcm",
    };

    /// <summary>Deliberately broken files; reading them must throw <see cref="DicomReadException"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Broken = new Dictionary<string, string>
    {
        ["test_files/MR_truncated.dcm"] = "pixel data cut short (DCMTK fails too)",
        ["test_files/rtplan_truncated.dcm"] = "cut inside a sequence (DCMTK fails too)",
        ["test_files/no_meta.dcm"] = "a stray byte before the data set shifts every element (DCMTK fails too)",
        ["test_files/dicomdirtests/DICOMDIR-nooffset"] =
            "records were removed without fixing sequence and item lengths, which run past the end of the file "
            + "(DCMTK and pydicom read on; a catalogue should see the inconsistency)",
    };

    /// <summary>Files we read but DCMTK cannot be the reference for.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotCompared = new Dictionary<string, string>
    {
        ["test_files/SC_rgb_jpeg.dcm"] =
            "declares explicit VR but is written in implicit VR: DCMTK misreads it, we read it as pydicom does (TransferSyntaxTests)",
    };

    /// <summary>Corpus files compared with DCMTK.</summary>
    public static IEnumerable<string> Compared() =>
        TestData.CorpusFiles().Where(f => !NotDicom.ContainsKey(f) && !Broken.ContainsKey(f) && !NotCompared.ContainsKey(f));
}
