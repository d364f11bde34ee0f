namespace Graph.Testing;

/// <summary>A folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "graph-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies a folder with everything below it, leaving out the folders named in <paramref name="skip"/> (bin, obj).</summary>
    public static void CopyTree(string from, string to, params string[] skip)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            System.IO.File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(from).Where(d => !skip.Contains(System.IO.Path.GetFileName(d))))
            CopyTree(directory, System.IO.Path.Combine(to, System.IO.Path.GetFileName(directory)), skip);
    }

    /// <inheritdoc />
    /// <remarks>Tries again for a while when the folder is not empty at the end: a SQLite connection of a store just disposed
    /// can still create a file in it (CI runs left 7–9 such folders behind, each holding a lone graph.db, -wal or -shm).</remarks>
    public void Dispose()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(Path, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(50);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
