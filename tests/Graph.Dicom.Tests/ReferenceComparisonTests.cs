using System.Globalization;
using System.Text;
using Graph.Dicom.Tests.Support;
using Xunit.Abstractions;

namespace Graph.Dicom.Tests;

/// <summary>Every file of pydicom's corpus, and files with every numeric VR, read by us and by DCMTK's dcmdump, must give the
/// same elements and values at every depth of nesting.</summary>
public sealed class ReferenceComparisonTests(ITestOutputHelper output)
{
    private static readonly string[] NumericVRs = ["US", "SS", "UL", "SL", "SV", "UV", "FL", "FD", "DS", "IS", "AT", "OF", "OD", "OL", "OV"];

    private static readonly Lazy<(IReadOnlyDictionary<string, DcmtkDump> Raw, IReadOnlyDictionary<string, DcmtkDump> Decoded)> Dumps = new(() =>
    {
        var paths = Compared().Select(PathOf).ToList();
        return (DcmtkDump.RunAll(paths, utf8: false), DcmtkDump.RunAll(paths, utf8: true));
    });

    public static TheoryData<string> ComparedFiles() => [.. Compared()];

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
    public void Read_ComparedFile_MatchesDcmtk(string file)
    {
        var path = PathOf(file);
        var ours = DicomFile.Read(path);
        var dcmtk = Dumps.Value.Raw[path];
        var decoded = Dumps.Value.Decoded[path];

        var comparison = Compare(file);

        Assert.Equal(0, dcmtk.ExitCode);
        Assert.Equal(dcmtk.TransferSyntaxUid, ours.TransferSyntaxUid);
        Assert.True(comparison.Mismatches.Count == 0, string.Join(Environment.NewLine, comparison.Mismatches));
        AssertKeyAttributes(ours, dcmtk, decoded.ExitCode == 0 ? decoded : null);
    }

    [Fact]
    public void Read_EveryComparedFile_MatchesDcmtkInNestedItemsAndEveryNumericVR()
    {
        var total = new ComparisonCounts();
        var mismatches = new List<string>();
        foreach (var file in Compared())
        {
            var comparison = Compare(file);
            total.Add(comparison.Counts);
            mismatches.AddRange(comparison.Mismatches);
        }

        // The figures go to the test's output and to standard output, both kept in the TRX; scripts/test.sh prints the summary.
        var files = $"files: {Corpus.Compared().Count()} of pydicom's corpus, {NumericFiles.Names.Count} with every numeric VR";
        var unconverted = "files DCMTK cannot convert to UTF-8 (only their ASCII text compared): "
            + string.Join(", ", Compared().Where(f => Dumps.Value.Decoded[PathOf(f)].ExitCode != 0));
        foreach (var line in total.Lines(mismatches.Count).Append(files).Append(unconverted).Concat(mismatches.Select(m => "mismatch: " + m)))
        {
            output.WriteLine(line);
            Console.WriteLine(line);
        }

        Assert.Empty(mismatches);
        Assert.All(NumericVRs, vr => Assert.True(total.ValuesByVR.GetValueOrDefault(vr) > 0, $"no {vr} value was compared"));
        Assert.True(total.MaxDepth >= 3, $"items were compared only {total.MaxDepth} deep");
        Assert.True(total.NestedElements > total.Elements / 4, $"only {total.NestedElements} of {total.Elements} elements were inside items");
    }

    // The corpus's files and the files with every numeric VR.
    private static IEnumerable<string> Compared() => Corpus.Compared().Concat(NumericFiles.Names);

    private static string PathOf(string file) => NumericFiles.Names.Contains(file) ? NumericFiles.File(file) : TestData.File(file);

    private static DcmtkComparison Compare(string file)
    {
        var path = PathOf(file);
        var decoded = Dumps.Value.Decoded[path];
        return DcmtkComparison.Run(file, DicomFile.Read(path), Dumps.Value.Raw[path], decoded.ExitCode == 0 ? decoded : null);
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
