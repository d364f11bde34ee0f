using Graph.Testing;

namespace Graph.Dicom.Tests;

/// <summary>Typed access to values of each VR, on data sets built by hand.</summary>
public sealed partial class ValueParsingTests
{
    [Theory]
    [InlineData("20240229", 2024, 2, 29)]
    [InlineData("1997.04.24", 1997, 4, 24)]
    [InlineData(" 19000101 ", 1900, 1, 1)]
    public void GetDate_ValidDA_ReturnsDate(string value, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), With("DA", value).GetDate(Tag));
    }

    [Theory]
    [InlineData("")]
    [InlineData("20230229")]
    [InlineData("2024013")]
    [InlineData("2024-01-31")]
    [InlineData("00000101")]
    public void GetDate_InvalidDA_ReturnsNull(string value)
    {
        Assert.Null(With("DA", value).GetDate(Tag));
    }

    [Theory]
    [InlineData("07", "07:00:00")]
    [InlineData("0730", "07:30:00")]
    [InlineData("073015", "07:30:15")]
    [InlineData("073015.5", "07:30:15.5")]
    [InlineData("235959.999999", "23:59:59.999999")]
    [InlineData("07:30:15.25", "07:30:15.25")]
    [InlineData("235960", "23:59:59")]
    public void GetTime_ValidTM_ReturnsTime(string value, string expected)
    {
        Assert.Equal(TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), With("TM", value).GetTime(Tag));
    }

    [Theory]
    [InlineData("24")]
    [InlineData("0760")]
    [InlineData("073")]
    [InlineData("073015.1234567")]
    [InlineData("ab")]
    public void GetTime_InvalidTM_ReturnsNull(string value)
    {
        Assert.Null(With("TM", value).GetTime(Tag));
    }

    [Fact]
    public void GetDateTime_WithOffset_ReturnsUtc()
    {
        var value = With("DT", "20240131120000+0100").GetDateTime(Tag);

        Assert.Equal(new DateTime(2024, 1, 31, 11, 0, 0, DateTimeKind.Utc), value);
        Assert.Equal(DateTimeKind.Utc, value?.Kind);
    }

    [Theory]
    [InlineData("2024", "2024-01-01T00:00:00")]
    [InlineData("202402", "2024-02-01T00:00:00")]
    [InlineData("20240229235959.5", "2024-02-29T23:59:59.5")]
    public void GetDateTime_PartialDT_FillsTheRest(string value, string expected)
    {
        var parsed = With("DT", value).GetDateTime(Tag);

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
        Assert.Equal(DateTimeKind.Unspecified, parsed?.Kind);
    }

    [Theory]
    [InlineData("20241")]
    [InlineData("20241301")]
    [InlineData("20240101+01")]
    public void GetDateTime_InvalidDT_ReturnsNull(string value)
    {
        Assert.Null(With("DT", value).GetDateTime(Tag));
    }

    [Fact]
    public void GetDate_DT_ReturnsItsDate()
    {
        Assert.Equal(new DateOnly(2024, 1, 31), With("DT", "20240131235959").GetDate(Tag));
    }

    [Theory]
    [InlineData("045Y", 45, DicomAgeUnit.Years, 45.0)]
    [InlineData("018M", 18, DicomAgeUnit.Months, 1.5)]
    [InlineData("002W", 2, DicomAgeUnit.Weeks, 14 / 365.25)]
    [InlineData("010D", 10, DicomAgeUnit.Days, 10 / 365.25)]
    public void GetAge_AS_ReturnsValueUnitAndYears(string value, int number, DicomAgeUnit unit, double years)
    {
        var age = With("AS", value).GetAge(Tag);

        Assert.Equal(new DicomAge(number, unit), age);
        Assert.Equal(years, age!.Value.TotalYears, 9);
        Assert.Equal(value, age.Value.ToString());
    }

    [Theory]
    [InlineData("45")]
    [InlineData("045X")]
    [InlineData("-45Y")]
    public void GetAge_InvalidAS_ReturnsNull(string value)
    {
        Assert.Null(With("AS", value).GetAge(Tag));
    }

    [Fact]
    public void GetDouble_MultiValuedDS_ReadsEachIndex()
    {
        var dataset = With("DS", " 0.5\\-1.25e2 \\abc");

        Assert.Equal(0.5, dataset.GetDouble(Tag));
        Assert.Equal(-125, dataset.GetDouble(Tag, 1));
        Assert.Null(dataset.GetDouble(Tag, 2));
        Assert.Null(dataset.GetDouble(Tag, 3));
        Assert.Null(dataset.GetDouble(Tag, -1));
        Assert.Equal(["0.5", "-1.25e2", "abc"], dataset.GetStrings(Tag));
    }

    [Theory]
    [InlineData("IS", "42", 42)]
    [InlineData("IS", " -7 ", -7)]
    [InlineData("DS", "3.0", 3)]
    [InlineData("DS", "3.5", null)]
    [InlineData("IS", "99999999999", null)]
    [InlineData("IS", "1A", null)]
    public void GetInt_IntegerStrings_ParsesWholeNumbersOnly(string vr, string value, int? expected)
    {
        Assert.Equal(expected, With(vr, value).GetInt(Tag));
    }

    [Fact]
    public void GetInt_BinaryNumbers_ReadsEachVR()
    {
        var dataset = Dataset(d => d
            .Element(0x0011, 0x1001, "US", [0xFF, 0xFF, 0x01, 0x00])
            .Element(0x0011, 0x1002, "SS", [0xFE, 0xFF])
            .Element(0x0011, 0x1003, "UL", [0xFF, 0xFF, 0xFF, 0xFF])
            .Element(0x0011, 0x1004, "SL", [0xFF, 0xFF, 0xFF, 0xFF])
            .Element(0x0011, 0x1005, "FD", BitConverter.GetBytes(2.5))
            .Element(0x0011, 0x1006, "FL", BitConverter.GetBytes(0.25f))
            .Element(0x0011, 0x1007, "SV", BitConverter.GetBytes(-3L))
            .Element(0x0011, 0x1008, "UV", BitConverter.GetBytes(ulong.MaxValue)));

        Assert.Equal(65535, dataset.GetInt(new DicomTag(0x0011, 0x1001)));
        Assert.Equal(1, dataset.GetInt(new DicomTag(0x0011, 0x1001), 1));
        Assert.Equal("65535\\1", dataset.GetString(new DicomTag(0x0011, 0x1001)));
        Assert.Equal(-2, dataset.GetInt(new DicomTag(0x0011, 0x1002)));
        Assert.Null(dataset.GetInt(new DicomTag(0x0011, 0x1003)));
        Assert.Equal(4294967295.0, dataset.GetDouble(new DicomTag(0x0011, 0x1003)));
        Assert.Equal(-1, dataset.GetInt(new DicomTag(0x0011, 0x1004)));
        Assert.Equal(2.5, dataset.GetDouble(new DicomTag(0x0011, 0x1005)));
        Assert.Null(dataset.GetInt(new DicomTag(0x0011, 0x1005)));
        Assert.Equal("0.25", dataset.GetString(new DicomTag(0x0011, 0x1006)));
        Assert.Equal(-3, dataset.GetInt(new DicomTag(0x0011, 0x1007)));
        Assert.Equal("18446744073709551615", dataset.GetString(new DicomTag(0x0011, 0x1008)));
    }

    [Fact]
    public void GetAttributeTag_AT_ReturnsTags()
    {
        var dataset = Dataset(d => d.Element(0x0028, 0x0009, "AT", [0x18, 0x00, 0x63, 0x10, 0x54, 0x00, 0x80, 0x00]));

        Assert.Equal(new DicomTag(0x0018, 0x1063), dataset.GetAttributeTag(DicomTag.FrameIncrementPointer));
        Assert.Equal(new DicomTag(0x0054, 0x0080), dataset.GetAttributeTag(DicomTag.FrameIncrementPointer, 1));
        Assert.Null(dataset.GetAttributeTag(DicomTag.FrameIncrementPointer, 2));
        Assert.Equal("00181063\\00540080", dataset.GetString(DicomTag.FrameIncrementPointer));
    }

    [Fact]
    public void GetString_TextVRs_KeepLeadingSpacesAndDropPadding()
    {
        var dataset = Dataset(d => d.Text(0x0010, 0x4000, "LT", "  two\\lines ").Text(0x0010, 0x0020, "LO", " ID1 "));

        Assert.Equal("  two\\lines", dataset.GetString(DicomTag.PatientComments));
        Assert.Equal(["  two\\lines"], dataset.GetStrings(DicomTag.PatientComments));
        Assert.Equal("ID1", dataset.GetString(DicomTag.PatientID));
    }

    [Fact]
    public void GetString_UidPaddedWithNul_DropsPadding()
    {
        Assert.Equal("1.2.3", Dataset(d => d.Text(0x0020, 0x000D, "UI", "1.2.3")).GetString(DicomTag.StudyInstanceUID));
    }

    [Fact]
    public void Getters_AbsentOrWrongVR_ReturnNothing()
    {
        var dataset = With("LO", "text");

        Assert.Null(dataset.GetString(DicomTag.PatientName));
        Assert.Empty(dataset.GetStrings(DicomTag.PatientName));
        Assert.Empty(dataset.GetSequence(Tag));
        Assert.True(dataset.GetBytes(DicomTag.PatientName).IsEmpty);
        Assert.Null(dataset.GetDate(Tag));
        Assert.Null(dataset.GetTime(Tag));
        Assert.Null(dataset.GetAge(Tag));
        Assert.Null(dataset.GetPersonName(Tag));
        Assert.Null(dataset.GetAttributeTag(Tag));
        Assert.False(dataset.TryGetDouble(Tag, out _));
        Assert.False(dataset.TryGetInt(Tag, out _));
    }

    private static readonly DicomTag Tag = new(0x0011, 0x1010);

    private static DicomDataset With(string vr, string value) => Dataset(d => d.Text(Tag.Group, Tag.Element, vr, value));

    private static DicomDataset Dataset(Action<DicomBuilder> build) => DicomFile.Read(new MemoryStream(DicomBuilder.Part10(build)));
}
