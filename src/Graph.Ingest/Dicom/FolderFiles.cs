using System.IO.Enumeration;

namespace Graph.Ingest.Dicom;

/// <summary>Lists the files below a folder, recursively, skipping hidden and system files and never following links to folders.</summary>
/// <remarks>A folder that cannot be listed and an entry that is not a regular file (a FIFO would block the read forever)
/// are listed too, marked unreadable, so the run reports them instead of passing over them.</remarks>
internal static class FolderFiles
{
    /// <summary>A folder that cannot be listed.</summary>
    public const string FolderUnreadable = "folder cannot be read";

    /// <summary>An entry that is not a regular file, or a link to one.</summary>
    public const string NotRegular = "not a regular file";

    /// <summary>Every file below a folder; <paramref name="opening"/>, called with each folder before it is listed, lets tests make one fail.</summary>
    public static IReadOnlyList<FolderFile> List(string folder, Action<string>? opening = null)
    {
        var root = Path.GetFullPath(folder);
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
        var files = new List<FolderFile>();
        var folders = new Queue<string>([root]);
        while (folders.TryDequeue(out var current))
        {
            try
            {
                opening?.Invoke(current);
                var entries = new FileSystemEnumerable<(string Path, bool IsDirectory, bool IsLink, long Length)>(
                    current, (ref entry) => (entry.ToFullPath(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0, entry.Length), options);
                foreach (var (path, isDirectory, isLink, length) in entries)
                {
                    // A link to a folder could lead back up the tree: only real folders are walked.
                    if (isDirectory && !isLink)
                        folders.Enqueue(path);
                    else if (!isDirectory)
                        files.Add(new FolderFile(path, Relative(root, path), length, FileKind.IsRegular(path) ? null : NotRegular));
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                files.Add(new FolderFile(current, Relative(root, current), 0, FolderUnreadable));
            }
        }

        return files;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
