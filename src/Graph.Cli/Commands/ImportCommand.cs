using System.CommandLine;

namespace Graph.Cli.Commands;

/// <summary><c>graph import</c>: the parent of the commands that import files of records into the catalogue.</summary>
internal static class ImportCommand
{
    public static Command Create() => new("import", "Import files of records (clinical data, algorithms) into the catalogue.")
    {
        ImportClinicalCommand.Create(),
        ImportAlgorithmsCommand.Create(),
    };
}
