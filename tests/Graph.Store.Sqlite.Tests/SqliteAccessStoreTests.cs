using Graph.Store.Access;
using Graph.Store.Sqlite.Access;
using Graph.Testing;

namespace Graph.Store.Sqlite.Tests;

/// <summary>The access-store contract on access.db in a data folder.</summary>
public sealed class SqliteAccessStoreTests : AccessStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new();

    protected override Task<IAccessStore> CreateStoreAsync() => Task.FromResult<IAccessStore>(SqliteAccessStore.InDataDirectory(_folder.Path));

    protected override Task<IAccessStore> OpenAgainAsync() => Task.FromResult<IAccessStore>(SqliteAccessStore.InDataDirectory(_folder.Path));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
