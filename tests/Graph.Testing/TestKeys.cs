using Graph.Store.Sqlite.Access;

namespace Graph.Testing;

/// <summary>API keys for tests that call the service as a role.</summary>
public static class TestKeys
{
    /// <summary>The header a key is sent in.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>Creates a key in a catalogue's data folder and returns its secret text.</summary>
    public static async Task<string> CreateAsync(string dataDirectory, string role, params string[] grants)
    {
        Directory.CreateDirectory(dataDirectory);
        var (_, secret) = await ApiKeyStore.InDataDirectory(dataDirectory).CreateAsync(role, "tests", grants, null, CancellationToken.None);
        // Pooled connections keep access.db open; a test that remounts the folder read-only needs it closed.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return secret;
    }
}
