namespace Graph.Testing;

/// <summary>Reads a SQLite store's files as bytes, as someone who copied them would, to check what a deletion or purge left.</summary>
public static class StoreFiles
{
    /// <summary>Whether graph.db or its side files in a folder hold a text (UTF-8), once every pooled connection is closed (the last
    /// close checkpoints the log into the file and removes it).</summary>
    public static async Task<bool> HoldAsync(string folder, string text)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        foreach (var file in Directory.GetFiles(folder, "graph.db*"))
        {
            if ((await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(needle) >= 0)
                return true;
        }

        return false;
    }
}
