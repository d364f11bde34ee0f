using System.CommandLine;

namespace Graph.Cli.Commands;

/// <summary><c>graph export</c>: the parent of the commands that write the catalogue's knowledge to files.</summary>
internal static class ExportCommand
{
    public static Command Create() => new("export", "Export from the catalogue: ontology mappings (SSSOM TSV).")
    {
        ExportMappingsCommand.Create(),
    };
}
