namespace Graph.Ingest.Harvest;

/// <summary>Where a harvest run is: studies listed, found unchanged, written, and failed so far.</summary>
public readonly record struct HarvestProgress(int StudiesSeen, int StudiesUnchanged, int StudiesWritten, int Errors);
