using Graph.Ingest.Records;

namespace Graph.Ingest.Algorithms;

/// <summary>An AI model as a curator registers it: its properties, the datasets it was trained on and the cancer types it targets.</summary>
/// <remarks>Properties left null keep their stored values; a list given replaces the stored relationships, a null list keeps them.</remarks>
public sealed record AlgorithmRegistration
{
    /// <summary>The columns of an algorithms import file (CSV header names or JSON property names).</summary>
    public static readonly IReadOnlyList<string> Columns = ["slug", "name", "task", "version", "metrics", "licence", "url", "trainedOn", "targets"];

    /// <summary>The columns as an import file is read with them: a CSV header without a slug column refuses the file.</summary>
    public static readonly RecordColumns ImportColumns = new(Columns, ["slug"]);

    /// <summary>A short lowercase name that identifies the algorithm and version.</summary>
    public required string Slug { get; init; }

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>What it does (segmentation, classification, detection, ...).</summary>
    public string? Task { get; init; }

    /// <summary>The version.</summary>
    public string? Version { get; init; }

    /// <summary>Reported performance, a JSON object as text ({"dice": 0.87}).</summary>
    public string? Metrics { get; init; }

    /// <summary>The licence (SPDX identifier or name).</summary>
    public string? Licence { get; init; }

    /// <summary>Where to find it (http or https URL).</summary>
    public string? Url { get; init; }

    /// <summary>The slugs of the datasets it was trained on, or null to keep the stored ones.</summary>
    public IReadOnlyList<string>? TrainedOn { get; init; }

    /// <summary>The codes of the cancer types it targets, or null to keep the stored ones.</summary>
    public IReadOnlyList<string>? Targets { get; init; }

    /// <summary>Reads a registration from an import record (lists separated by ';' or '|').</summary>
    public static AlgorithmRegistration From(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AlgorithmRegistration
        {
            Slug = record["slug"] ?? "",
            Name = record["name"],
            Task = record["task"],
            Version = record["version"],
            Metrics = record["metrics"],
            Licence = record["licence"],
            Url = record["url"],
            TrainedOn = record.List("trainedOn"),
            Targets = record.List("targets"),
        };
    }
}
