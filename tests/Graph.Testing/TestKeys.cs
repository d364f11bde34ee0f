using Graph.Store.Access;
using Graph.Store.Sqlite.Access;

namespace Graph.Testing;

/// <summary>API keys for tests that call the service as a role.</summary>
public static class TestKeys
{
    /// <summary>The header a key is sent in.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The keys of a SQLite data folder, as another process on the folder (a graph command) sees them: nothing remembered.</summary>
    public static ApiKeys InDataDirectory(string dataDirectory) =>
        new(SqliteAccessStore.InDataDirectory(dataDirectory), TimeProvider.System) { CacheFor = TimeSpan.Zero };

    /// <summary>Creates a key in a catalogue's data folder and returns its secret text.</summary>
    public static async Task<string> CreateAsync(string dataDirectory, string role, params string[] grants)
    {
        Directory.CreateDirectory(dataDirectory);
        var (_, secret) = await InDataDirectory(dataDirectory).CreateAsync(role, "tests", grants, null, CancellationToken.None);
        // Pooled connections keep access.db open; a test that remounts the folder read-only needs it closed.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return secret;
    }
}
