using Graph.Testing;

namespace Graph.Dicom.Tests;

partial class ValueParsingTests
{
    [Theory]
    [InlineData("Doe^John^Q^Dr^Jr", "Doe", "John", "Q", "Dr", "Jr")]
    [InlineData("Doe", "Doe", "", "", "", "")]
    [InlineData("=山田^太郎", "山田", "太郎", "", "", "")]
    public void DicomPersonName_Parse_SplitsComponents(string value, string family, string given, string middle, string prefix, string suffix)
    {
        var name = DicomPersonName.Parse(value);

        Assert.Equal((family, given, middle, prefix, suffix), (name.FamilyName, name.GivenName, name.MiddleName, name.NamePrefix, name.NameSuffix));
    }

    [Theory]
    [InlineData("Doe^John", "Doe^John")]
    [InlineData("Doe^John==", "Doe^John")]
    [InlineData("A=B=C", "A=B=C")]
    [InlineData("A==C", "A==C")]
    public void DicomPersonName_ToString_LeavesOutTrailingEmptyGroups(string value, string expected)
    {
        Assert.Equal(expected, DicomPersonName.Parse(value).ToString());
    }

    [Theory]
    [InlineData("00100010")]
    [InlineData("0010,0010")]
    [InlineData("(0010,0010)")]
    [InlineData(" (0010,0010) ")]
    public void DicomTag_Parse_AcceptsCommonForms(string text)
    {
        Assert.Equal(DicomTag.PatientName, DicomTag.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0010001")]
    [InlineData("0010-0010")]
    [InlineData("GGGGEEEE")]
    public void DicomTag_TryParse_RejectsOtherText(string text)
    {
        Assert.False(DicomTag.TryParse(text, out _));
    }

    [Fact]
    public void DicomTag_Properties_DescribeTheAttribute()
    {
        Assert.Equal("(0010,0010)", DicomTag.PatientName.ToString());
        Assert.Equal("PatientName", DicomTag.PatientName.Keyword);
        Assert.Equal(DicomVR.PN, DicomTag.PatientName.DictionaryVR);
        Assert.True(new DicomTag(0x0029, 0x1010).IsPrivate);
        Assert.Null(new DicomTag(0x0029, 0x1010).Keyword);
        Assert.Equal("OverlayRows", new DicomTag(0x6004, 0x0010).Keyword);
        Assert.True(DicomTag.PatientName < DicomTag.PatientID);
    }

    [Fact]
    public void Dictionary_BasicProfile_ListsTheAttributesToRemove()
    {
        var tags = Dictionary.DicomDictionary.BasicProfileTags().ToHashSet();

        Assert.True(tags.Count > 500);
        Assert.Contains(DicomTag.PatientName, tags);
        Assert.Contains(DicomTag.InstitutionName, tags);
        Assert.Contains(DicomTag.OperatorsName, tags);
        Assert.Contains(DicomTag.OtherPatientIDs, tags);
        Assert.DoesNotContain(DicomTag.Modality, tags);
    }
}
