namespace Graph.Ingest.Tests.Dicom.Support;

/// <summary>A theory that runs graph ingest dicom as a process; skipped, saying why, until the command is registered (never in CI).</summary>
internal sealed class IngestCommandTheoryAttribute : TheoryAttribute
{
    public IngestCommandTheoryAttribute()
    {
        if (GraphCli.SkipReason is { } reason)
            Skip = reason;
    }
}
