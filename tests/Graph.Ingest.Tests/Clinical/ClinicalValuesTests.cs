using Graph.Ingest.Clinical;

namespace Graph.Ingest.Tests.Clinical;

/// <summary>The value formats of the clinical columns: what is accepted, what it is stored as, and what is refused with the column and value named.</summary>
public sealed class ClinicalValuesTests
{
    [Theory]
    [InlineData("icd10", "c50.9", "C50.9")]
    [InlineData("icd10", "C61", "C61")]
    [InlineData("icdO3Morphology", "9440/3", "9440/3")]
    [InlineData("tnmT", "pT1mi", "pT1mi")]
    [InlineData("tnmT", "Tis", "Tis")]
    [InlineData("tnmT", "ypT4b", "ypT4b")]
    [InlineData("tnmN", "N2a", "N2a")]
    [InlineData("tnmN", "pN0(i+)", "pN0(i+)")]
    [InlineData("tnmM", "M1c", "M1c")]
    [InlineData("stage", "IIIB", "IIIB")]
    [InlineData("stage", "IA3", "IA3")]
    [InlineData("stage", "MS", "MS")]
    [InlineData("grade", "GG4", "GG4")]
    [InlineData("grade", "WHO 4", "WHO 4")]
    [InlineData("her2", "Equivocal", "equivocal")]
    [InlineData("vitalStatus", "DECEASED", "deceased")]
    public void Parse_WellFormedText_GivesTheStoredText(string column, string text, string expected)
    {
        Assert.Equal(expected, ClinicalValues.Parse(column, text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("gleasonScore", "4+5", 9L)]
    [InlineData("gleasonScore", "7", 7L)]
    [InlineData("ki67", "35 %", 35.0)]
    [InlineData("psa", "4.2", 4.2)]
    [InlineData("ageAtDiagnosis", "0", 0L)]
    public void Parse_Numbers_GivesTheStoredNumber(string column, string text, object expected) =>
        Assert.Equal(expected, ClinicalValues.Parse(column, text, out _));

    [Theory]
    [InlineData("icd10", "C509", "C509")]
    [InlineData("icd10", "50.9", "50.9")]
    [InlineData("icdO3Morphology", "8500", "8500")]
    [InlineData("icdO3Morphology", "7500/3", "7500/3")]
    [InlineData("icdO3Morphology", "8500/5", "8500/5")]
    [InlineData("tnmT", "T5", "T5")]
    [InlineData("tnmN", "N4", "N4")]
    [InlineData("tnmM", "M2", "M2")]
    [InlineData("stage", "V", "V")]
    [InlineData("grade", "high", "high")]
    [InlineData("er", "maybe", "maybe")]
    [InlineData("psa", "4,2", "4,2")]
    [InlineData("psa", "-1", "-1")]
    [InlineData("gleasonScore", "6+6", "6+6")]
    [InlineData("gleasonScore", "11", "11")]
    [InlineData("gleasonScore", "5+6", "5+6")]
    [InlineData("ki67", "120", "120")]
    [InlineData("ageAtDiagnosis", "121", "121")]
    [InlineData("ageAtDiagnosis", "forty", "forty")]
    [InlineData("ageAtDiagnosis", "64.5", "64.5")]
    [InlineData("year", "2021.5", "2021.5")]
    [InlineData("diagnosis", "1.5", "1.5")]
    [InlineData("year", "1850", "1850")]
    [InlineData("diagnosis", "0", "0")]
    public void Parse_BadText_IsRefusedNamingColumnAndValue(string column, string text, string named)
    {
        Assert.Null(ClinicalValues.Parse(column, text, out var error));
        Assert.NotNull(error);
        Assert.StartsWith(column, error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ageAtDiagnosis", "64.0", 64L)]
    [InlineData("ageAtDiagnosis", "1e2", 100L)]
    [InlineData("year", "2021.0", 2021L)]
    [InlineData("year", "2.021E3", 2021L)]
    [InlineData("diagnosis", "2.00", 2L)]
    [InlineData("gleasonScore", "7.0", 7L)]
    public void Parse_WholeNumberWrittenAsAFloat_GivesTheWholeNumber(string column, string text, long expected)
    {
        // Regression: pandas writes an integer column that holds a NaN as floats; 64.0 and 2021.0 were "not a whole number".
        Assert.Equal(expected, ClinicalValues.Parse(column, text, out var error));
        Assert.Null(error);
    }
}
