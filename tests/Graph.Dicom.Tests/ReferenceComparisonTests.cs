using System.Globalization;
using System.Text;
using Graph.Dicom.Tests.Support;

namespace Graph.Dicom.Tests;

/// <summary>Every file of pydicom's corpus, read by us and by DCMTK's dcmdump, must give the same values.</summary>
public sealed class ReferenceComparisonTests
{
    private static readonly HashSet<string> TextVRs = ["AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT"];
    private static readonly HashSet<string> CharacterSetVRs = ["LO", "LT", "PN", "SH", "ST", "UC", "UT"];
    private static readonly HashSet<string> IntegerVRs = ["US", "SS", "UL", "SL", "up"];

    private static readonly Lazy<(IReadOnlyDictionary<string, DcmtkDump> Raw, IReadOnlyDictionary<string, DcmtkDump> Decoded)> Dumps = new(() =>
    {
        var paths = Corpus.Compared().Select(TestData.File).ToList();
        return (DcmtkDump.RunAll(paths, utf8: false), DcmtkDump.RunAll(paths, utf8: true));
    });

    public static TheoryData<string> ComparedFiles() => [.. Corpus.Compared()];

    public static TheoryData<string> UnreadableFiles() => [.. Corpus.NotDicom.Keys.Concat(Corpus.Broken.Keys)];

    [Fact]
    public void Corpus_IsInstalled_HasEveryKindOfFile()
    {
        var files = TestData.CorpusFiles();

        Assert.True(files.Count >= 150, $"expected pydicom's full corpus, found {files.Count} files");
        Assert.All(Corpus.NotDicom.Keys.Concat(Corpus.Broken.Keys).Concat(Corpus.NotCompared.Keys), f => Assert.Contains(f, files));
    }

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public void Read_NotDicomOrBrokenFile_ThrowsDicomReadException(string file)
    {
        var path = TestData.File(file);

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(path));

        Assert.Equal(path, error.Path);
        Assert.NotNull(error.Offset);
    }

    [Theory]
    [MemberData(nameof(ComparedFiles))]
    public void Read_CorpusFile_MatchesDcmtk(string file)
    {
        var path = TestData.File(file);
        var ours = DicomFile.Read(path);
        var dcmtk = Dumps.Value.Raw[path];
        var decoded = Dumps.Value.Decoded[path];

        Assert.Equal(0, dcmtk.ExitCode);
        Assert.Equal(dcmtk.TransferSyntaxUid, ours.TransferSyntaxUid);
        Assert.Equal(
            dcmtk.Elements.Select(e => e.Tag).Distinct().Order(),
            ours.Select(e => e.Tag).Where(t => t != DicomTag.PixelData));
        foreach (var element in dcmtk.Elements)
        {
            AssertSameValue(ours, element, decoded.ExitCode == 0 ? decoded.Find(element.Tag) : null);
        }

        AssertKeyAttributes(ours, dcmtk, decoded.ExitCode == 0 ? decoded : null);
    }

    private static void AssertSameValue(DicomDataset ours, DcmtkElement element, DcmtkElement? decoded)
    {
        Assert.True(ours.TryGetElement(element.Tag, out var mine));
        if (element.Value is null || mine.VR == DicomVR.UN)
        {
            // DCMTK did not load it, or our dictionary does not know it (implicit VR): nothing to compare.
            return;
        }

        string? expected;
        if (element.VR == "UN" && TextVRs.Contains(mine.VR.ToString()))
        {
            // We give an explicit UN element of a known attribute its dictionary VR; DCMTK prints the bytes.
            expected = Unhex(element.Value);
        }
        else if (CharacterSetVRs.Contains(element.VR))
        {
            // Without DCMTK's own UTF-8 conversion (iconv lacks ISO 2022 IR 87) only ASCII values compare.
            expected = decoded?.Value ?? (Ascii(element.Value) ? element.Value : null);
        }
        else if (TextVRs.Contains(element.VR) || IntegerVRs.Contains(element.VR))
        {
            expected = element.Value;
        }
        else if (element.VR == "AT")
        {
            expected = element.Value.Replace("(", string.Empty, StringComparison.Ordinal)
                .Replace(",", string.Empty, StringComparison.Ordinal)
                .Replace(")", string.Empty, StringComparison.Ordinal)
                .ToUpperInvariant();
        }
        else
        {
            return;
        }

        if (expected is null)
        {
            return;
        }

        var single = element.VR is "LT" or "ST" or "UT" or "UR";
        Assert.True(
            Normalize(expected, single) == Normalize(ours.GetString(element.Tag) ?? string.Empty, single),
            $"{element.Tag} {element.VR}: DCMTK has '{expected}', we have '{ours.GetString(element.Tag)}'");
    }

    private static void AssertKeyAttributes(DicomDataset ours, DcmtkDump dcmtk, DcmtkDump? decoded)
    {
        foreach (var tag in new[] { DicomTag.SOPInstanceUID, DicomTag.StudyInstanceUID, DicomTag.SeriesInstanceUID, DicomTag.Modality, DicomTag.PatientSex, DicomTag.PatientID, DicomTag.Manufacturer })
        {
            Assert.Equal(Normalize(ValueOf(dcmtk, tag), false), Normalize(ours.GetString(tag), false));
        }

        foreach (var tag in new[] { DicomTag.Rows, DicomTag.Columns })
        {
            Assert.Equal(ParseInt(ValueOf(dcmtk, tag)), ours.GetInt(tag));
        }

        Assert.Equal(ParseDouble(ValueOf(dcmtk, DicomTag.SliceThickness), 0), ours.GetDouble(DicomTag.SliceThickness));
        Assert.Equal(ParseDouble(ValueOf(dcmtk, DicomTag.PixelSpacing), 0), ours.GetDouble(DicomTag.PixelSpacing, 0));
        Assert.Equal(ParseDouble(ValueOf(dcmtk, DicomTag.PixelSpacing), 1), ours.GetDouble(DicomTag.PixelSpacing, 1));
        Assert.Equal(ParseDate(ValueOf(dcmtk, DicomTag.StudyDate)), ours.GetDate(DicomTag.StudyDate));
        var characterSet = ValueOf(dcmtk, DicomTag.SpecificCharacterSet) ?? string.Empty;
        Assert.Equal(characterSet.Length == 0 ? [] : characterSet.Split('\\').Select(v => v.Trim()), ours.SpecificCharacterSet);
        if (decoded is not null && ValueOf(decoded, DicomTag.PatientName) is { Length: > 0 } name)
        {
            Assert.Equal(DicomPersonName.Parse(name.Split('\\')[0]), ours.GetPersonName(DicomTag.PatientName));
        }
    }

    private static string? Normalize(string? value, bool singleValued)
    {
        if (value is null)
        {
            return null;
        }

        return singleValued
            ? value.TrimEnd(' ', '\0')
            : string.Join('\\', value.Split('\\').Select(v => v.Trim(' ', '\0')));
    }

    // DCMTK prints an explicit UN element as hexadecimal bytes; we give known attributes their dictionary VR.
    private static string? ValueOf(DcmtkDump dump, DicomTag tag) =>
        dump.Find(tag) is { } element && element.VR == "UN" && element.Value is not null ? Unhex(element.Value) : dump.Find(tag)?.Value;

    private static string Unhex(string bytes) =>
        bytes.Length == 0 ? string.Empty : Encoding.Latin1.GetString([.. bytes.Split('\\').Select(b => byte.Parse(b, NumberStyles.HexNumber, CultureInfo.InvariantCulture))]);

    private static bool Ascii(string value) => value.All(c => c < 0x80 && c != 0x1B);

    private static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static double? ParseDouble(string? value, int index)
    {
        var values = value?.Split('\\') ?? [];
        return index < values.Length && double.TryParse(values[index].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim() ?? string.Empty, ["yyyyMMdd", "yyyy.MM.dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
