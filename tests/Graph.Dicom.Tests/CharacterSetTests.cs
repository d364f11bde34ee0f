using Graph.Dicom.Tests.Support;
using Graph.Dicom.Text;

namespace Graph.Dicom.Tests;

/// <summary>Specific Character Set (0008,0005) decoding, on David Clunie's character set files and on hand-made bytes.</summary>
/// <remarks>Expected strings are pydicom's decoding of the same files (DCMTK's iconv lacks ISO 2022 IR 87).</remarks>
public sealed class CharacterSetTests
{
    public static TheoryData<string, string> PatientNames() => new()
    {
        { "chrArab.dcm", "قباني^لنزار" },
        { "chrFren.dcm", "Buc^Jérôme" },
        { "chrGerm.dcm", "Äneas^Rüdiger" },
        { "chrGreek.dcm", "Διονυσιος" },
        { "chrHbrw.dcm", "שרון^דבורה" },
        { "chrRuss.dcm", "Люкceмбypг" },
        { "chrH31.dcm", "Yamada^Tarou=山田^太郎=やまだ^たろう" },
        { "chrH32.dcm", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう" },
        { "chrI2.dcm", "Hong^Gildong=洪^吉洞=홍^길동" },
        { "chrJapMulti.dcm", "やまだ^たろう" },
        { "chrJapMultiExplicitIR6.dcm", "やまだ^たろう" },
        { "chrKoreanMulti.dcm", "김희중" },
        { "chrX1.dcm", "Wang^XiaoDong=王^小東" },
        { "chrX2.dcm", "Wang^XiaoDong=王^小东" },
    };

    [Theory]
    [MemberData(nameof(PatientNames))]
    public void GetPersonName_CharacterSetFile_DecodesLikePydicom(string file, string expected)
    {
        var dataset = DicomFile.Read(TestData.File($"charset_files/{file}"));

        Assert.Equal(expected, dataset.GetPersonName(DicomTag.PatientName)?.ToString());
    }

    [Fact]
    public void GetPersonName_JapaneseThreeGroups_SplitsComponentGroups()
    {
        var name = DicomFile.Read(TestData.File("charset_files/chrH31.dcm")).GetPersonName(DicomTag.PatientName)!;

        Assert.Equal("Yamada^Tarou", name.Alphabetic);
        Assert.Equal("山田^太郎", name.Ideographic);
        Assert.Equal("やまだ^たろう", name.Phonetic);
        Assert.Equal("Yamada", name.FamilyName);
        Assert.Equal("Tarou", name.GivenName);
    }

    [Fact]
    public void GetString_TrailingEmptyComponentGroup_KeepsRawValue()
    {
        var dataset = DicomFile.Read(TestData.File("charset_files/chrX1.dcm"));

        Assert.Equal("Wang^XiaoDong=王^小東=", dataset.GetString(DicomTag.PatientName));
        Assert.Equal(["ISO_IR 192"], dataset.SpecificCharacterSet);
    }

    [Fact]
    public void GetStrings_MultiValuedLatin1_SplitsValues()
    {
        var dataset = DicomFile.Read(TestData.File("charset_files/chrFrenMulti.dcm"));

        Assert.Equal(["Buc^Jérôme", "Buc^Jérôme"], dataset.GetStrings(DicomTag.OtherPatientNames));
        Assert.Equal(["eggs", "spam"], dataset.GetStrings(DicomTag.OtherPatientIDs));
        Assert.Equal("Jérôme", dataset.GetPersonName(DicomTag.OtherPatientNames, 1)?.GivenName);
    }

    [Fact]
    public void GetStrings_MultiValuedIso2022_ResetsAtEachValue()
    {
        var dataset = DicomFile.Read(TestData.File("charset_files/chrJapMulti.dcm"));

        Assert.Equal(["", "ISO 2022 IR 87"], dataset.SpecificCharacterSet);
        Assert.Equal(["やまだ^たろう", "やまだ^たろう"], dataset.GetStrings(DicomTag.OtherPatientNames));
    }

    [Fact]
    public void GetString_KoreanOperatorsName_Decodes()
    {
        var dataset = DicomFile.Read(TestData.File("charset_files/chrKoreanMulti.dcm"));

        Assert.Equal("김희중", dataset.GetString(DicomTag.OperatorsName));
    }

    [Fact]
    public void GetString_ItemWithOwnCharacterSet_UsesItsOwn()
    {
        var dataset = DicomFile.Read(TestData.File("charset_files/chrSQEncoding.dcm"));

        var item = Assert.Single(dataset.GetSequence(new DicomTag(0x0032, 0x1064)));
        Assert.Equal(["ISO_IR 192"], dataset.SpecificCharacterSet);
        Assert.Equal(["ISO 2022 IR 13", "ISO 2022 IR 87"], item.SpecificCharacterSet);
        Assert.Equal("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", item.GetString(DicomTag.PatientName));
        Assert.Equal("Doctor^Who^^MD", dataset.GetString(new DicomTag(0x0032, 0x1032)));
    }

    [Fact]
    public void GetString_ItemWithoutCharacterSet_InheritsParents()
    {
        var dataset = DicomFile.Read(TestData.File("charset_files/chrSQEncoding1.dcm"));

        var item = Assert.Single(dataset.GetSequence(new DicomTag(0x0032, 0x1064)));
        Assert.Equal(["ISO 2022 IR 13", "ISO 2022 IR 87"], item.SpecificCharacterSet);
        Assert.Equal("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", item.GetString(DicomTag.PatientName));
    }

    [Fact]
    public void Decode_Iso2022Gb2312_DecodesG1DoubleBytes()
    {
        byte[] value = [.. "Zhang^XiaoDong="u8, 0x1B, 0x24, 0x29, 0x41, 0xD5, 0xC5, (byte)'^', 0x1B, 0x24, 0x29, 0x41, 0xD0, 0xA1, 0xB6, 0xAB];

        var text = DicomCharacterSet.Get(["", "ISO 2022 IR 58"]).Decode(value, DicomVR.PN);

        Assert.Equal("Zhang^XiaoDong=张^小东", text);
    }

    [Fact]
    public void Decode_Iso2022Greek_SwitchesG1ByEscape()
    {
        byte[] value = [(byte)'A', 0x1B, 0x2D, 0x46, 0xC4];

        Assert.Equal("AΔ", DicomCharacterSet.Get(["ISO 2022 IR 6", "ISO 2022 IR 126"]).Decode(value, DicomVR.LO));
    }

    [Fact]
    public void Decode_Iso2022Latin1AsFirstValue_StartsWithLatin1InG1()
    {
        Assert.Equal("Jé", DicomCharacterSet.Get(["ISO 2022 IR 100"]).Decode([(byte)'J', 0xE9], DicomVR.PN));
    }

    [Fact]
    public void Decode_JisInTextWithoutEscapeBack_ResetsAtLineBreak()
    {
        byte[] value = [0x1B, 0x24, 0x42, 0x3B, 0x33, 0x45, 0x44, (byte)'\r', (byte)'\n', (byte)'a', (byte)'b'];

        Assert.Equal("山田\r\nab", DicomCharacterSet.Get(["", "ISO 2022 IR 87"]).Decode(value, DicomVR.LT));
    }

    [Theory]
    [InlineData("ISO_IR 100", new byte[] { 0xE9 }, "é")]
    [InlineData("ISO-IR 100", new byte[] { 0xE9 }, "é")]
    [InlineData("ISO_IR100", new byte[] { 0xE9 }, "é")]
    [InlineData("ISO_IR 101", new byte[] { 0xB1 }, "ą")]
    [InlineData("ISO_IR 109", new byte[] { 0xA1 }, "Ħ")]
    [InlineData("ISO_IR 110", new byte[] { 0xA1 }, "Ą")]
    [InlineData("ISO_IR 126", new byte[] { 0xC4 }, "Δ")]
    [InlineData("ISO_IR 127", new byte[] { 0xC7 }, "ا")]
    [InlineData("ISO_IR 138", new byte[] { 0xF9 }, "ש")]
    [InlineData("ISO_IR 144", new byte[] { 0xBB }, "Л")]
    [InlineData("ISO_IR 148", new byte[] { 0xFD }, "ı")]
    [InlineData("ISO_IR 166", new byte[] { 0xA1 }, "ก")]
    [InlineData("ISO_IR 13", new byte[] { 0xD4 }, "ﾔ")]
    [InlineData("ISO_IR 192", new byte[] { 0xE7, 0x8E, 0x8B }, "王")]
    [InlineData("GB18030", new byte[] { 0xCD, 0xF5 }, "王")]
    [InlineData("GBK", new byte[] { 0xCD, 0xF5 }, "王")]
    [InlineData("KOI8", new byte[] { 0xE9 }, "é")]
    [InlineData("", new byte[] { 0xE9 }, "é")]
    public void Decode_SingleCharacterSet_UsesItsEncoding(string term, byte[] value, string expected)
    {
        Assert.Equal(expected, DicomCharacterSet.Get([term]).Decode(value, DicomVR.LO));
    }

    [Fact]
    public void Decode_UnknownEscape_DropsOnlyTheEscapeByte()
    {
        byte[] value = [(byte)'a', 0x1B, (byte)'b'];

        Assert.Equal("ab", DicomCharacterSet.Get(["", "ISO 2022 IR 87"]).Decode(value, DicomVR.LO));
    }
}
