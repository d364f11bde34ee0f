namespace Graph.Ingest.Tests.Dicom.Support;

/// <summary>A fact that needs pydicom's test files and DCMTK; skipped, saying why, where they are missing (never in CI).</summary>
internal sealed class PydicomFactAttribute : FactAttribute
{
    public PydicomFactAttribute()
    {
        if (PydicomFiles.SkipReason is { } reason)
            Skip = reason;
    }
}
