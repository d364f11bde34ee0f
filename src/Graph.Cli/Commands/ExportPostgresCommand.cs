using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Graph.Export.Postgres;
using Graph.Store;

namespace Graph.Cli.Commands;

/// <summary><c>graph export postgres</c>: the catalogue as PostgreSQL tables (CSV files and psql scripts).</summary>
internal static class ExportPostgresCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write the CSV files, schema.sql, constraints.sql and load.sql into (created if missing).",
            Required = true,
        };
        var command = new Command(
            "postgres",
            "Write the catalogue as PostgreSQL tables: a table per node kind with foreign keys, join tables, indexes. Load with: cd OUT && psql -d DB -f load.sql")
        { data, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            Graph.Hosting.StoreSettings settings;
            try
            {
                settings = CommonOptions.Settings(result, data);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"graph export postgres: {e.Message}");
                return 2;
            }

            if (CommonOptions.MissingCatalogue(settings) is { } missing)
            {
                await Console.Error.WriteLineAsync($"graph export postgres: {missing}");
                return 2;
            }

            var target = result.GetValue(output)!;
            try
            {
                var watch = Stopwatch.StartNew();
                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                var store = session.Store;
                var summary = await PostgresExporter.ExportAsync(store, target.FullName, cancellationToken);
                foreach (var (table, rows) in summary.Rows.Where(r => r.Value > 0))
                    Console.WriteLine($"{table,-40} {rows.ToString("N0", CultureInfo.InvariantCulture),12} rows");
                foreach (var reason in summary.Rejected.Take(20))
                    await Console.Error.WriteLineAsync($"left out: {reason}");
                Console.WriteLine($"Exported change sequence {summary.Sequence} to {target.FullName} in {watch.Elapsed.TotalSeconds:F1} s; " +
                    $"{summary.Rejected.Count} left out. Load with: cd {target.FullName} && psql -d DATABASE -f {PostgresExporter.LoadScript}");
                return summary.Rejected.Count == 0 ? 0 : 1;
            }
            catch (GraphStoreException e)
            {
                await Console.Error.WriteLineAsync($"graph export postgres: {e.Message}");
                return 1;
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"graph export postgres: cannot write {target.FullName}: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
