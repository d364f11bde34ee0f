using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Graph.Hosting;
using Graph.Store;

namespace Graph.Cli.Commands;

/// <summary><c>graph purge</c>: erases the tombstones of old deletions, the keys (pseudonyms, UIDs, cohort ids) a deletion leaves
/// in the store so that replicas following the change feed see it.</summary>
internal static class PurgeCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var olderThan = new Option<string>("--older-than")
        {
            Description = "Erase the tombstones of deletions committed more than this many days ago (30d, or 0d for every deletion so far). "
                + "A replica or index file behind the newest erased deletion reads the whole store once instead of the changes.",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("purge", "Erase for good the tombstones (keys of withdrawn studies and series, deleted cohorts) of deletions older than a number of days.")
        {
            data, olderThan, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            var text = result.GetValue(olderThan)?.Trim() ?? "";
            var digits = text.EndsWith('d') ? text[..^1] : text;
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > 36_500)
            {
                await error.WriteLineAsync($"graph purge: --older-than must be a number of days (30d, or 0d for every deletion so far), not '{text}'.");
                return 2;
            }

            try
            {
                var settings = CommonOptions.Settings(result, data);
                if (CommonOptions.MissingCatalogue(settings) is { } missing)
                {
                    await error.WriteLineAsync($"graph purge: {missing}");
                    return 2;
                }

                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                var before = DateTimeOffset.UtcNow.AddDays(-days);
                var purge = await session.Store.PurgeTombstonesAsync(before, cancellationToken);
                var output = result.InvocationConfiguration.Output;
                if (result.GetValue(json))
                    await output.WriteLineAsync(JsonSerializer.Serialize(new { before, purgedThrough = purge.PurgedThrough, nodes = purge.Nodes, relationships = purge.Edges }));
                else
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Erased {purge.Nodes:N0} node and {purge.Edges:N0} relationship tombstones of deletions before {before.UtcDateTime:yyyy-MM-dd HH:mm} UTC; the change feed is complete after change {purge.PurgedThrough}."));
                return 0;
            }
            catch (ArgumentException e)
            {
                await error.WriteLineAsync($"graph purge: {e.Message}");
                return 2;
            }
            catch (GraphStoreException e)
            {
                await error.WriteLineAsync($"graph purge: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
