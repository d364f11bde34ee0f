using Graph.Testing;

namespace Graph.Harvest.Tests.Support;

/// <summary>One Orthanc holding pydicom's files, shared read-only by the tests of a class.</summary>
public sealed class PydicomOrthanc : IAsyncLifetime
{
    private OrthancServer? _orthanc;

    internal OrthancServer Orthanc => _orthanc ?? throw new InvalidOperationException("Orthanc was not started.");

    public async Task InitializeAsync()
    {
        if (!PydicomFiles.IsInstalled)
            throw new InvalidOperationException($"pydicom's test files are required in {PydicomFiles.Folder} (apt-get install -y python3-pydicom).");
        _orthanc = await OrthancServer.StartAsync();
        foreach (var path in PydicomFiles.Paths)
            await _orthanc.UploadAsync(await File.ReadAllBytesAsync(path));
    }

    public async Task DisposeAsync()
    {
        if (_orthanc is not null)
            await _orthanc.DisposeAsync();
    }
}
