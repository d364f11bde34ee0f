using Microsoft.Data.Sqlite;

namespace Graph.Reliability.Tests.Support;

/// <summary>Reads a SQLite store file directly, below the IGraphStore contract, to check what a crash left behind.</summary>
internal static class StoreInspection
{
    /// <summary>Runs SQLite's own consistency check; "ok" when the file is sound.</summary>
    public static string IntegrityCheck(string databasePath) => Scalar(databasePath, "PRAGMA integrity_check") as string ?? "(no answer)";

    /// <summary>Rows (nodes and relationships) whose change sequence no committed ChangeSet recorded: traces of a partial commit.</summary>
    public static long OrphanRows(string databasePath) => Convert.ToInt64(Scalar(
        databasePath,
        """
        SELECT (SELECT COUNT(*) FROM nodes WHERE seq NOT IN (SELECT seq FROM changesets))
             + (SELECT COUNT(*) FROM edges WHERE seq NOT IN (SELECT seq FROM changesets))
        """), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Live nodes of a label with the number of live relationships of a type that start at each (and end at a node of
    /// <paramref name="toLabel"/> when given).</summary>
    public static Dictionary<string, (string Name, long Edges)> NodesWithOutgoing(string databasePath, string label, string type, string? toLabel = null)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT n.key, json_extract(n.props, '$.name'),
                   (SELECT COUNT(*) FROM edges e WHERE e.from_label = n.label AND e.from_key = n.key AND e.type = $type AND ($to IS NULL OR e.to_label = $to) AND e.deleted = 0)
            FROM nodes n WHERE n.label = $label AND n.deleted = 0
            """;
        command.Parameters.AddWithValue("$label", label);
        command.Parameters.AddWithValue("$type", type);
        command.Parameters.AddWithValue("$to", (object?)toLabel ?? DBNull.Value);
        var result = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            result[reader.GetString(0)] = (reader.IsDBNull(1) ? "" : reader.GetString(1), reader.GetInt64(2));
        return result;
    }

    private static object? Scalar(string databasePath, string sql)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
