using System.CommandLine;
using System.Globalization;
using Graph.Ingest.Harvest;
using Graph.Store;

namespace Graph.Cli.Commands;

/// <summary><c>graph repository list</c>: the registered repositories with their datasets and last harvest.</summary>
internal static class RepositoryListCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var command = new Command("list", "List the registered repositories: slug, name, country, kind, base URL, datasets and the last harvest run.") { data };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            try
            {
                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                var store = session.Store;
                var repositories = await RepositoryRegistry.ListAsync(store, cancellationToken);
                if (repositories.Count == 0)
                {
                    await output.WriteLineAsync("No repository is registered; add one with 'graph repository add'.");
                    return 0;
                }

                string[] header = ["SLUG", "NAME", "COUNTRY", "KIND", "BASE URL", "DATASETS", "LAST HARVEST"];
                var rows = repositories.Select(r => new[]
                {
                    r.Slug, r.Name ?? "", r.Country ?? "", r.Kind ?? "", r.BaseUrl ?? "",
                    r.Datasets.Count == 0 ? "-" : string.Join(",", r.Datasets),
                    r.HarvestRuns.Count == 0 ? "never" : Describe(r.HarvestRuns[0]),
                }).ToList();
                var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(row => row[i].Length))).ToArray();
                foreach (var row in rows.Prepend(header))
                    await output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
                return 0;
            }
            catch (GraphStoreException e)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"graph repository list: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static string Describe(HarvestRunInfo run) => string.Create(
        CultureInfo.InvariantCulture,
        $"{run.StartedAt} {run.Status} ({run.StudiesWritten} written, {run.StudiesWithdrawn} withdrawn, {run.Errors} errors)");
}
