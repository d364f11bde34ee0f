using System.CommandLine;
using System.CommandLine.Parsing;
using Graph.Cli.Commands;

var root = new RootCommand("graph: operate a Cancer Imaging Graph catalogue, on the store the service uses (--store sqlite|neo4j, Graph:Store).");
root.Options.Add(CommonOptions.Store);
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(PurgeCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(RepositoryCommand.Create());
root.Subcommands.Add(HarvestCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(AccessRequestsCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ExportCommand.Create());

// A command line the parser refuses (an unknown command or option, a missing argument or required option, a value of the
// wrong type) is a usage error: exit 2, as every command's own checks of its options, never 1, which means the work failed.
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    var names = new List<string>();
    for (SymbolResult? result = parsed.CommandResult; result is not null; result = result.Parent)
    {
        if (result is CommandResult step)
            names.Insert(0, step.Command == root ? "graph" : step.Command.Name);
    }

    var command = string.Join(' ', names);
    foreach (var error in parsed.Errors)
        await Console.Error.WriteLineAsync($"{command}: {error.Message}");
    await Console.Error.WriteLineAsync($"Run '{command} --help' for its arguments and options.");
    return 2;
}

return await parsed.InvokeAsync();
