using System.CommandLine;
using Graph.Ingest.Harvest;
using Graph.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Cli.Commands;

/// <summary><c>graph repository remove SLUG [--force]</c>: deletes a repository's node; refuses while it hosts datasets unless forced.</summary>
/// <remarks>Exit codes: 0 removed, 1 not registered, hosting datasets without --force, or store failure, 2 usage errors.</remarks>
internal static class RepositoryRemoveCommand
{
    private const string Name = "graph repository remove";

    public static Command Create()
    {
        var slug = new Argument<string[]>("SLUG") { Description = "The repository's slug.", Arity = ArgumentArity.ZeroOrMore };
        var force = new Option<bool>("--force")
        {
            Description = "Remove it even though it hosts datasets: the datasets, patients, studies and series stay in the catalogue, without a repository.",
        };
        var data = CommonOptions.Data();
        var command = new Command(
            "remove",
            "Delete a repository's Repository node with its relationships, its HarvestRun nodes and its harvest checkpoint. "
            + "Refused while it hosts datasets, unless --force.")
        {
            slug, force, data,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (result.GetValue(slug) is not [var repository])
            {
                await error.WriteLineAsync($"{Name}: give one SLUG (see --help).");
                return 2;
            }

            try
            {
                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                var store = session.Store;
                var writer = session.Writer;
                var removal = await RepositoryRegistry.RemoveAsync(store, writer, repository, result.GetValue(force), session.DataDirectory, cancellationToken);
                if (!removal.Found)
                {
                    await error.WriteLineAsync($"{Name}: no repository '{repository}' is registered.");
                    return 1;
                }

                var datasets = string.Join(", ", removal.Datasets);
                if (!removal.Removed)
                {
                    await error.WriteLineAsync(
                        $"{Name}: repository '{repository}' hosts {removal.Datasets.Count} datasets ({datasets}); nothing was removed. Pass --force to delete the "
                        + "repository anyway: its datasets, patients, studies and series stay in the catalogue without a repository.");
                    return 1;
                }

                await output.WriteLineAsync($"Removed repository '{repository}' with {removal.HarvestRuns} harvest runs and its harvest checkpoint.");
                if (removal.Datasets.Count > 0)
                    await output.WriteLineAsync($"Its {removal.Datasets.Count} datasets ({datasets}) stay in the catalogue, without a repository.");
                return 0;
            }
            catch (Exception e) when (e is GraphStoreException or ChangeSetRejectedException or IOException)
            {
                await error.WriteLineAsync($"{Name}: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
