namespace Graph.Dicom.Tests.Support;

/// <summary>A fact that needs DCMTK and pydicom's files: skipped where either is missing, except in CI where it then fails.</summary>
public sealed class ReferenceFactAttribute : FactAttribute
{
    public ReferenceFactAttribute()
    {
        Skip = TestData.ReferenceSkipReason;
    }
}
