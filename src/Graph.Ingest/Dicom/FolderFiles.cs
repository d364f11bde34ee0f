using System.IO.Enumeration;

namespace Graph.Ingest.Dicom;

/// <summary>Lists the files below a folder, recursively, skipping hidden and system files and never following links to folders.</summary>
internal static class FolderFiles
{
    /// <summary>Every file below a folder.</summary>
    public static IReadOnlyList<FolderFile> List(string folder)
    {
        var root = Path.GetFullPath(folder);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, ReturnSpecialDirectories = false };
        var files = new FileSystemEnumerable<FolderFile>(
            root,
            (ref entry) =>
            {
                var full = entry.ToFullPath();
                return new FolderFile(full, Path.GetRelativePath(root, full).Replace('\\', '/'), entry.Length);
            },
            options)
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory,
            // A link to a folder could lead back up the tree: only real folders are walked.
            ShouldRecursePredicate = (ref entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return files.ToList();
    }
}
