using System.CommandLine;
using System.Text.Json;
using Graph.Hosting;
using Graph.Store;
using Spectre.Console;

namespace Graph.Cli.Commands;

/// <summary><c>graph stats</c>: counts of nodes and relationships in a store.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var json = new Option<bool>("--json") { Description = "Print the counts as JSON." };
        var command = new Command("stats", "Print the number of nodes per label and relationships per type, and the change sequence.") { data, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var settings = CommonOptions.Settings(result, data);
                if (CommonOptions.MissingCatalogue(settings) is { } missing)
                {
                    await Console.Error.WriteLineAsync($"graph stats: {missing}");
                    return 2;
                }

                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                var store = session.Store;
                var stats = await store.GetStatisticsAsync(cancellationToken);
                if (result.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(new { sequence = stats.Sequence, nodes = stats.Nodes, relationships = stats.Relationships }));
                    return 0;
                }

                var table = new Table().AddColumn("kind").AddColumn("name").AddColumn(new TableColumn("count").RightAligned());
                foreach (var (label, count) in stats.Nodes)
                    table.AddRow("node", label, count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                foreach (var (type, count) in stats.Relationships)
                    table.AddRow("relationship", type, count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLineInterpolated($"change sequence: {stats.Sequence}");
                return 0;
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"graph stats: {e.Message}");
                return 2;
            }
            catch (GraphStoreException e)
            {
                await Console.Error.WriteLineAsync($"graph stats: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
