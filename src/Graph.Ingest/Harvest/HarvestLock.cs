namespace Graph.Ingest.Harvest;

/// <summary>Keeps two harvests of one repository (the CLI and the service, say) from running at once: an exclusive lock file.</summary>
internal sealed class HarvestLock : IDisposable
{
    private readonly FileStream _file;

    private HarvestLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of a repository's harvest.</summary>
    /// <exception cref="InvalidOperationException">Another harvest of the repository holds it.</exception>
    public static HarvestLock Acquire(string dataDirectory, string repository)
    {
        var path = Path.Combine(dataDirectory, "harvest", repository + ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new HarvestLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"Another harvest of repository '{repository}' is running (it holds {path}).", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
