namespace Graph.Ingest.Harvest;

/// <summary>The values of the HarvestRun node's status field.</summary>
public static class HarvestStatusText
{
    /// <summary>The stored value of a status: running, succeeded, partial or failed.</summary>
    public static string ToText(this HarvestStatus status) => status switch
    {
        HarvestStatus.Running => "running",
        HarvestStatus.Succeeded => "succeeded",
        HarvestStatus.Partial => "partial",
        _ => "failed",
    };
}
