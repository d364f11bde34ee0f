namespace Graph.Ingest.Harvest;

/// <summary>A study the repository listed and that must be read: its UID at the source, its UID in the graph, its fingerprint.</summary>
internal sealed record ListedStudy(string SourceUid, string GraphUid, string Fingerprint);
