namespace Graph.Harvest.Tests.Support;

/// <summary>A fact that needs a real Orthanc and pydicom's test files: skipped, saying how to install them, where either is missing;
/// under CI=true it fails instead.</summary>
internal sealed class PydicomOrthancFactAttribute : FactAttribute
{
    public PydicomOrthancFactAttribute()
    {
        if (PydicomOrthanc.SkipReason is { } reason)
            Skip = reason;
    }
}
