namespace Graph.Ingest.Harvest;

/// <summary>What the checkpoint keeps of a study: its fingerprint when last written, and whether it was marked withdrawn.</summary>
internal sealed class CheckpointStudy
{
    /// <summary>The study's fingerprint when it was last written.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>Whether the study was marked withdrawn because the repository stopped listing it.</summary>
    public bool Withdrawn { get; set; }
}
