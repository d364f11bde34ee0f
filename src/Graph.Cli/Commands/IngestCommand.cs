using System.CommandLine;

namespace Graph.Cli.Commands;

/// <summary><c>graph ingest</c>: the parent of the commands that bring a source's metadata into the catalogue.</summary>
internal static class IngestCommand
{
    public static Command Create() => new("ingest", "Bring imaging metadata into the catalogue, de-identified on the way in.")
    {
        IngestDicomCommand.Create(),
    };
}
