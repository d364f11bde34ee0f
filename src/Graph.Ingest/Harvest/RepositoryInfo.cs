namespace Graph.Ingest.Harvest;

/// <summary>A registered repository as the graph holds it, with the datasets it hosts and its harvest runs.</summary>
public sealed record RepositoryInfo
{
    /// <summary>The slug.</summary>
    public required string Slug { get; init; }

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>The kind of repository software (DICOMweb, Files, ...).</summary>
    public string? Kind { get; init; }

    /// <summary>The DICOMweb root.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? Country { get; init; }

    /// <summary>The institution that runs it.</summary>
    public string? Institution { get; init; }

    /// <summary>A contact address.</summary>
    public string? Contact { get; init; }

    /// <summary>The slugs of the datasets it hosts, in order.</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    /// <summary>Its harvest runs, latest first.</summary>
    public IReadOnlyList<HarvestRunInfo> HarvestRuns { get; init; } = [];
}
