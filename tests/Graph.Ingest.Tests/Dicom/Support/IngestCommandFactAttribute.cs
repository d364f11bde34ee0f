namespace Graph.Ingest.Tests.Dicom.Support;

/// <summary>A fact that runs graph ingest dicom as a process; skipped, saying why, until the command is registered (never in CI).</summary>
internal sealed class IngestCommandFactAttribute : FactAttribute
{
    public IngestCommandFactAttribute()
    {
        if (GraphCli.SkipReason is { } reason)
            Skip = reason;
    }
}
