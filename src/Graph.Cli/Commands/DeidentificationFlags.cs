using Graph.Ingest.Deidentification;

namespace Graph.Cli.Commands;

/// <summary>De-identification as the flags of a command asked for it.</summary>
/// <param name="Key">The key; null when ids pass through and UIDs are kept.</param>
/// <param name="PassThroughIds">Whether patient ids pass through.</param>
/// <param name="RemapUids">Whether UIDs are remapped.</param>
/// <param name="RetainCleanDescriptions">Whether clean descriptions are kept.</param>
internal sealed record DeidentificationFlags(DeidentificationKey? Key, bool PassThroughIds, bool RemapUids, bool RetainCleanDescriptions);
