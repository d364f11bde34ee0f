using System.CommandLine;

namespace Graph.Cli.Commands;

/// <summary><c>graph export</c>: the parent of the commands that write the catalogue out for other systems.</summary>
internal static class ExportCommand
{
    public static Command Create() => new("export", "Write the catalogue out for other systems: ontology mappings (SSSOM TSV), PostgreSQL tables.")
    {
        ExportMappingsCommand.Create(),
        ExportPostgresCommand.Create(),
    };
}
