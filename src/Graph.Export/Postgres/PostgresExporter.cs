using Graph.Store;

namespace Graph.Export.Postgres;

/// <summary>Writes the catalogue as PostgreSQL tables: a CSV file per table, schema.sql, constraints.sql and load.sql (a psql script).</summary>
public static class PostgresExporter
{
    /// <summary>The psql script that loads an export; run it from the export's folder.</summary>
    public const string LoadScript = PgScripts.LoadFile;

    /// <summary>Every table an export writes, node tables first.</summary>
    public static IReadOnlyList<string> Tables { get; } = PgLayout.Instance.TableNames.ToArray();

    /// <summary>Reads every live node and relationship of <paramref name="store"/> and writes the export into <paramref name="folder"/> (created if missing).</summary>
    public static async Task<PostgresExportSummary> ExportAsync(IGraphStore store, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        var layout = PgLayout.Instance;
        var sink = new PgExportSink(layout);
        var sequence = await store.ReadAllAsync(sink, cancellationToken);
        await sink.WriteAsync(folder, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, PgScripts.SchemaFile), PgScripts.Schema(layout), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, PgScripts.ConstraintsFile), PgScripts.Constraints(layout), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, PgScripts.LoadFile), PgScripts.Load(layout), cancellationToken);
        var rows = layout.NodeTables.Select(t => KeyValuePair.Create(t.Name, sink.RowCount(t)))
            .Concat(layout.JoinTables.Select(j => KeyValuePair.Create(j.Name, sink.RowCount(j))))
            .ToArray();
        return new PostgresExportSummary(sequence, rows, sink.Rejected);
    }
}
