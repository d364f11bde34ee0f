namespace Graph.Dicom.Tests.Support;

/// <summary>A theory on pydicom's test files: skipped where they are missing, except in CI where it then fails.</summary>
public sealed class PydicomTheoryAttribute : TheoryAttribute
{
    public PydicomTheoryAttribute()
    {
        Skip = TestData.PydicomSkipReason;
    }
}
