using System.CommandLine;

namespace Graph.Cli.Commands;

/// <summary><c>graph repository</c>: the parent of the commands that register, list and remove the federation's repositories.</summary>
internal static class RepositoryCommand
{
    public static Command Create() => new(
        "repository",
        "Register, list and remove the federation's repositories (Repository nodes). Harvest settings and credentials live in "
        + "configuration (Graph:Harvest:Repositories:SLUG), never in the graph.")
    {
        RepositoryAddCommand.Create(),
        RepositoryListCommand.Create(),
        RepositoryRemoveCommand.Create(),
    };
}
