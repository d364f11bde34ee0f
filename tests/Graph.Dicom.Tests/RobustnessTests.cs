using Graph.Dicom.Tests.Support;
using Graph.Testing;

namespace Graph.Dicom.Tests;

/// <summary>Hostile and broken input: bounded memory, bounded recursion, and only <see cref="DicomReadException"/>.</summary>
public sealed partial class RobustnessTests
{
    private const long AllocationBudget = 1024 * 1024;
    private const uint FourGigabytes = 0xFFFFFFF0;

    [Theory]
    [InlineData("UT", true)]
    [InlineData("UT", false)]
    [InlineData("OB", false)]
    public void Read_ValueClaimingFourGigabytes_ThrowsWithoutAllocatingIt(string vr, bool seekable)
    {
        var bytes = DicomBuilder.Part10(d => d.Text(0x0010, 0x0020, "LO", "ID").Header(0x0010, 0x4000, vr, FourGigabytes).Raw(new byte[64]));

        var allocated = Allocated(() => Assert.Throws<DicomReadException>(() => Read(bytes, seekable)));

        Assert.True(allocated < AllocationBudget, $"{allocated} bytes allocated");
    }

    [Theory]
    [InlineData("test_files/rtdose_rle.dcm")]
    [InlineData("test_files/rtdose_rle_1frame.dcm")]
    public void Read_HeaderOnly_UidsWrittenAsUN_AreReadAsUids(string file)
    {
        // Regression: with binary values not loaded, a UID that an exporter wrote with VR UN was skipped as bulk data,
        // and the file was refused for want of a StudyInstanceUID that DCMTK and pydicom read.
        var dataset = DicomFile.Read(TestData.File(file), new DicomReadOptions { MaxInlineBinaryLength = 0 });

        Assert.Equal(dataset.GetString(DicomTag.StudyInstanceUID), DicomFile.Read(TestData.File(file)).GetString(DicomTag.StudyInstanceUID));
        Assert.StartsWith("1.2.999.999.99.", dataset.GetString(DicomTag.StudyInstanceUID), StringComparison.Ordinal);
        Assert.NotNull(dataset.GetString(DicomTag.SeriesInstanceUID));
    }

    [Fact]
    public void Read_PixelDataClaimingFourGigabytes_ThrowsAsTruncated()
    {
        var bytes = DicomBuilder.Part10(d => d.Text(0x0028, 0x0010, "US", "\0\u0002").Header(0x7FE0, 0x0010, "OW", FourGigabytes).Raw(new byte[16]));

        var error = Assert.Throws<DicomReadException>(() => Read(bytes, seekable: true));

        Assert.Equal(DicomTag.PixelData, error.Tag);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A corrupt VR on Specific Character Set (found by the fuzz test: it crashed the process with a stack overflow,
    /// because decoding the element asked for the character set it names).</summary>
    [Theory]
    [InlineData("LO")]
    [InlineData("PN")]
    [InlineData("UT")]
    public void Read_SpecificCharacterSetWithATextVR_DecodesByItsTerms(string vr)
    {
        var bytes = DicomBuilder.Part10(d => d.Text(0x0008, 0x0005, vr, "ISO_IR 100").Text(0x0010, 0x0020, "LO", "ID"));

        var dataset = Read(bytes, seekable: true);

        Assert.Equal(["ISO_IR 100"], dataset.SpecificCharacterSet);
        Assert.Equal("ID", dataset.GetString(DicomTag.PatientID));
    }

    [Fact]
    public void Read_LargePixelDataFromStream_ReadsOnlyTheHeader()
    {
        var bytes = DicomBuilder.Part10(d => d.Text(0x0010, 0x0020, "LO", "ID").Element(0x7FE0, 0x0010, "OW", new byte[20_000_000]));
        using var stream = new ForwardOnlyStream(bytes);

        var dataset = DicomFile.Read(stream);

        Assert.Equal("ID", dataset.GetString(DicomTag.PatientID));
        Assert.True(dataset.TryGetElement(DicomTag.PixelData, out var pixelData));
        Assert.Equal(20_000_000u, pixelData.Length);
        Assert.False(pixelData.IsValueLoaded);
        Assert.True(stream.BytesRead <= 64 * 1024, $"{stream.BytesRead} bytes read");
    }

    [Fact]
    public void Read_ElementAfterPixelData_IsNotRead()
    {
        var bytes = DicomBuilder.Part10(d => d.Element(0x7FE0, 0x0010, "OB", new byte[8]).Raw(new byte[16]).Text(0xFFFA, 0xFFFA, "LO", "X"));

        var dataset = DicomFile.Read(new MemoryStream(bytes));

        Assert.Equal(DicomTag.PixelData, dataset.Last().Tag);
    }

    [Fact]
    public void Read_TruncatedFile_ExceptionNamesPathOffsetAndTag()
    {
        var path = TestData.File("test_files/rtplan_truncated.dcm");

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(path));

        Assert.Equal(path, error.Path);
        Assert.Equal(1410, error.Offset);
        Assert.Equal(new DicomTag(0x300A, 0x00B0), error.Tag);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("(300A,00B0)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryPrefixOfAFile_ReturnsDataSetOrThrowsDicomReadException()
    {
        var bytes = TestData.Bytes("test_files/MR_small_implicit.dcm");

        for (var length = 0; length < bytes.Length; length += 7)
        {
            try
            {
                DicomFile.Read(new MemoryStream(bytes, 0, length));
            }
            catch (DicomReadException)
            {
            }
        }
    }

    [Fact]
    public void Read_StreamNotAtStart_ReadsFromCurrentPosition()
    {
        var file = TestData.Bytes("test_files/CT_small.dcm");
        var stream = new MemoryStream([.. new byte[1000], .. file]) { Position = 1000 };

        var dataset = DicomFile.Read(stream);

        Assert.Equal("CT", dataset.GetString(DicomTag.Modality));
    }

    [Fact]
    public void Read_MissingFile_ThrowsDicomReadExceptionWithPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.dcm");

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(path));

        Assert.Equal(path, error.Path);
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x08, 0x00, 0x05 })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x30, 0x30, 0x31, 0x30, 0x30, 0x30, 0x31, 0x30 })]
    public void Read_NotDicom_Throws(byte[] bytes)
    {
        Assert.Throws<DicomReadException>(() => DicomFile.Read(new MemoryStream(bytes)));
    }

    [Fact]
    public void Read_InvalidVR_ThrowsWithOffsetAndTag()
    {
        var bytes = DicomBuilder.Part10(d => d.Text(0x0008, 0x0060, "CS", "CT").Raw([0x10, 0x00, 0x10, 0x00, (byte)'x', (byte)'y', 2, 0, (byte)'A', (byte)'B']));

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(new MemoryStream(bytes)));

        Assert.Equal(DicomTag.PatientName, error.Tag);
        Assert.Equal(bytes.Length - 10, error.Offset);
    }

    [Fact]
    public void Read_RepeatedAndUnorderedTags_KeepsFirstInTagOrder()
    {
        var bytes = DicomBuilder.Part10(d => d
            .Text(0x0010, 0x0020, "LO", "FIRST")
            .Text(0x0008, 0x0060, "CS", "MR")
            .Text(0x0010, 0x0020, "LO", "SECOND"));

        var dataset = DicomFile.Read(new MemoryStream(bytes));

        Assert.Equal("FIRST", dataset.GetString(DicomTag.PatientID));
        Assert.Equal(dataset.Select(e => e.Tag).Order(), dataset.Select(e => e.Tag));
    }

    [Fact]
    public void Read_StrayDelimitersBetweenTopLevelElements_AreSkipped()
    {
        var bytes = DicomBuilder.Part10(d => d.Text(0x0008, 0x0060, "CS", "MR").Item(0xE00D, 0).Item(0xE0DD, 0).Text(0x0010, 0x0020, "LO", "ID"));

        var dataset = DicomFile.Read(new MemoryStream(bytes));

        Assert.Equal("ID", dataset.GetString(DicomTag.PatientID));
    }

    [Fact]
    public void Read_ItemOfDefinedLengthOverrunByItsElements_Throws()
    {
        var bytes = DicomBuilder.Part10(d => d
            .Header(0x0008, 0x1115, "SQ", DicomElement.UndefinedLength)
            .Item(length: 6)
            .Text(0x0020, 0x000E, "UI", "1.2.3")
            .Item(0xE0DD, 0));

        Assert.Throws<DicomReadException>(() => DicomFile.Read(new MemoryStream(bytes)));
    }

    private static DicomDataset Read(byte[] bytes, bool seekable) =>
        seekable ? DicomFile.Read(new MemoryStream(bytes)) : DicomFile.Read(new ForwardOnlyStream(bytes));

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
