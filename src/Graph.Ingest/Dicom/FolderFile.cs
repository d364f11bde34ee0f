namespace Graph.Ingest.Dicom;

/// <summary>A file of the ingested folder: where it is, its path relative to the folder, and its size; or an entry that
/// cannot be read as a file (a pipe, a device, a folder that cannot be listed), with why.</summary>
internal readonly record struct FolderFile(string FullPath, string RelativePath, long Length, string? Unreadable = null);
