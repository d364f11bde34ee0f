using System.CommandLine;

namespace Graph.Cli.Commands;

/// <summary><c>graph import</c>: the parent of the commands that import files of records and knowledge into the catalogue.</summary>
internal static class ImportCommand
{
    public static Command Create() => new("import", "Import files into the catalogue: ontology mappings (SSSOM TSV), clinical data, algorithms.")
    {
        ImportMappingsCommand.Create(),
        ImportVocabularyCommand.Create(),
        ImportClinicalCommand.Create(),
        ImportAlgorithmsCommand.Create(),
    };
}
