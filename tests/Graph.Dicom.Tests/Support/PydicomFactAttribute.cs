namespace Graph.Dicom.Tests.Support;

/// <summary>A fact on pydicom's test files: skipped where they are missing, except in CI where it then fails.</summary>
public sealed class PydicomFactAttribute : FactAttribute
{
    public PydicomFactAttribute()
    {
        Skip = TestData.PydicomSkipReason;
    }
}
