namespace Graph.Dicom.Tests.Support;

/// <summary>A theory that compares with DCMTK on pydicom's files: skipped where either is missing, except in CI where it then fails.</summary>
public sealed class ReferenceTheoryAttribute : TheoryAttribute
{
    public ReferenceTheoryAttribute()
    {
        Skip = TestData.ReferenceSkipReason;
    }
}
