using Graph.Store.Sqlite.Access;
using Graph.Testing;

namespace Graph.Store.Sqlite.Tests;

/// <summary>Issue 16, point 8: access.db (key hashes, roles, owners) was created world-readable (0644).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AccessStoreFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Create_NewStore_FileReadableByOwnerOnly()
    {
        var keys = new Graph.Store.Access.ApiKeys(SqliteAccessStore.InDataDirectory(_folder.Path), TimeProvider.System);
        await keys.CreateAsync("researcher", "tests", [], null, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        foreach (var file in Directory.GetFiles(_folder.Path, "access.db*"))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }
}
