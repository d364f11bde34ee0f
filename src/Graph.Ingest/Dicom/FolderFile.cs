namespace Graph.Ingest.Dicom;

/// <summary>A file of the ingested folder: where it is, its path relative to the folder, and its size.</summary>
internal readonly record struct FolderFile(string FullPath, string RelativePath, long Length);
