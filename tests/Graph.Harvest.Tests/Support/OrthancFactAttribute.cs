namespace Graph.Harvest.Tests.Support;

/// <summary>A fact that needs a real Orthanc: skipped, saying how to install it, where it is missing; under CI=true it fails instead.</summary>
internal sealed class OrthancFactAttribute : FactAttribute
{
    public OrthancFactAttribute()
    {
        if (OrthancServer.SkipReason is { } reason)
            Skip = reason;
    }
}
