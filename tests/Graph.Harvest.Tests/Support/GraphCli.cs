extern alias cli;

using System.CommandLine;
using cli::Graph.Cli.Commands;

namespace Graph.Harvest.Tests.Support;

/// <summary>Runs the graph command's repository and harvest commands in-process, capturing what they print.</summary>
internal static class GraphCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand("graph") { RepositoryCommand.Create(), HarvestCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
