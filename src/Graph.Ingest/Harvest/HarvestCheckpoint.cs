using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Graph.Ingest.Harvest;

/// <summary>A repository's harvest state between runs, in DATA/harvest/SLUG.json: the fingerprint of every study written,
/// which studies were withdrawn, and the run in progress.</summary>
/// <remarks>
/// Saved atomically (a new file renamed over the old one) after batches of studies and at the end of a run, so a run
/// that is interrupted resumes where its last save left it: studies saved as written are not read again. Studies are
/// keyed by their UID in the graph (remapped when UIDs are remapped), so the file holds no source UID the graph hides.
/// </remarks>
internal sealed class HarvestCheckpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The format version.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The repository's slug.</summary>
    public string Repository { get; set; } = "";

    /// <summary>The dataset the studies were written to; another dataset starts afresh.</summary>
    public string Dataset { get; set; } = "";

    /// <summary>The store's change sequence when the checkpoint was saved; a store behind it was replaced, so the checkpoint is ignored.</summary>
    public long StoreSequence { get; set; }

    /// <summary>The run in progress, if any: a run still named here when the next one starts was interrupted.</summary>
    public string? RunningRunId { get; set; }

    /// <summary>When the checkpoint was saved (UTC, ISO 8601).</summary>
    public string? SavedAt { get; set; }

    /// <summary>The studies written, by their UID in the graph.</summary>
    public Dictionary<string, CheckpointStudy> Studies { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The checkpoint file of a repository under a data folder.</summary>
    public static string PathFor(string dataDirectory, string repository) => Path.Combine(dataDirectory, "harvest", repository + ".json");

    /// <summary>Reads a checkpoint; null when there is none, or with a problem when it cannot be read (it is then ignored).</summary>
    public static HarvestCheckpoint? Load(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
            return null;
        try
        {
            using var stream = File.OpenRead(path);
            var checkpoint = JsonSerializer.Deserialize<HarvestCheckpoint>(stream, Json);
            if (checkpoint is { Version: 1 })
            {
                checkpoint.Studies = new Dictionary<string, CheckpointStudy>(checkpoint.Studies, StringComparer.Ordinal);
                return checkpoint;
            }

            problem = "unknown format version";
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            problem = e.GetType().Name;
        }

        return null;
    }

    /// <summary>The checkpoint a run of the repository into the dataset goes on from: the saved one, unless it cannot be read,
    /// the store is behind it (so it was replaced since) or it was written for another dataset; each such case is logged.</summary>
    public static HarvestCheckpoint Open(string path, string repository, string dataset, long storeSequence, ILogger logger)
    {
        var checkpoint = Load(path, out var problem);
        if (problem is not null)
            HarvestLog.CheckpointIgnored(logger, repository, $"it cannot be read ({problem})");
        if (checkpoint is not null && checkpoint.StoreSequence > storeSequence)
        {
            HarvestLog.CheckpointIgnored(logger, repository, "the store is behind it, so it was replaced since");
            checkpoint = null;
        }

        if (checkpoint is not null && checkpoint.Dataset != dataset)
        {
            HarvestLog.CheckpointIgnored(logger, repository, "it was written for another dataset");
            checkpoint = new HarvestCheckpoint { RunningRunId = checkpoint.RunningRunId };
        }

        checkpoint ??= new HarvestCheckpoint();
        checkpoint.Repository = repository;
        checkpoint.Dataset = dataset;
        return checkpoint;
    }

    /// <summary>Writes the checkpoint to a new file, flushes it to disk and renames it over the old one.</summary>
    public void Save(string path, DateTimeOffset now)
    {
        SavedAt = now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, this, Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
