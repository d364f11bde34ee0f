using Graph.Dicom;
using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Tests.Deidentification;

public sealed class YearOnlyTests
{
    [Theory]
    [InlineData(45, DicomAgeUnit.Years, 45)]
    [InlineData(30, DicomAgeUnit.Months, 2)]
    [InlineData(104, DicomAgeUnit.Weeks, 1)]
    [InlineData(400, DicomAgeUnit.Days, 1)]
    [InlineData(0, DicomAgeUnit.Years, 0)]
    public void Years_AgeString_WholeYears(int value, DicomAgeUnit unit, int expected) =>
        Assert.Equal(expected, YearOnly.Years(new DicomAge(value, unit)));

    [Fact]
    public void Years_ImplausibleAge_Null() => Assert.Null(YearOnly.Years(new DicomAge(150, DicomAgeUnit.Years)));

    [Theory]
    [InlineData("1958-12-30", "2019-03-04", 60)]
    [InlineData("1958-03-04", "2019-03-04", 61)]
    [InlineData("1958-03-05", "2019-03-04", 60)]
    [InlineData("2000-02-29", "2001-02-28", 0)]
    public void AgeAt_BirthAndStudyDates_CompletedYears(string birth, string at, int expected) =>
        Assert.Equal(expected, YearOnly.AgeAt(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AgeAt_BornAfterTheStudy_Null() => Assert.Null(YearOnly.AgeAt(new DateOnly(2020, 1, 1), new DateOnly(2019, 1, 1)));

    [Fact]
    public void Year_FirstKnownDate_ItsYearOnly() => Assert.Equal(2018, YearOnly.Year(null, new DateOnly(2018, 5, 6), new DateOnly(2017, 1, 1)));
}
