using System.IO.Enumeration;

namespace Graph.Ingest.Dicom;

/// <summary>Lists the files below a folder, recursively, skipping hidden and system files and never following links to folders.</summary>
/// <remarks>An entry that is not a regular file (a FIFO would block the read forever) is listed too, marked unreadable, so
/// the run reports it instead of reading it.</remarks>
internal static class FolderFiles
{
    /// <summary>An entry that is not a regular file, or a link to one.</summary>
    public const string NotRegular = "not a regular file";

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
                return new FolderFile(full, Path.GetRelativePath(root, full).Replace('\\', '/'), entry.Length, FileKind.IsRegular(full) ? null : NotRegular);
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
