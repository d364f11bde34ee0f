using System.CommandLine;
using Graph.Cli.Commands;

var root = new RootCommand("graph: operate a Cancer Imaging Graph catalogue, on the store the service uses (--store sqlite|neo4j, Graph:Store).");
root.Options.Add(CommonOptions.Store);
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(RepositoryCommand.Create());
root.Subcommands.Add(HarvestCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(AccessRequestsCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
return await root.Parse(args).InvokeAsync();
