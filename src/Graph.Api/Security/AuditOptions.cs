namespace Graph.Api.Security;

/// <summary>When audit.log is rotated (configuration section Graph:Audit): by size and by age, keeping some rotated files.</summary>
public sealed class AuditOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph:Audit";

    /// <summary>audit.log is rotated before it grows past this many bytes.</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>audit.log is rotated once it is this old (it was started this long ago).</summary>
    public TimeSpan RollInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many rotated files (audit-TIME.log) are kept; older ones are deleted.</summary>
    public int RetainedFiles { get; set; } = 30;
}
