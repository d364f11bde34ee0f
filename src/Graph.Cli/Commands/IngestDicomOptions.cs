using System.CommandLine;

namespace Graph.Cli.Commands;

/// <summary>The arguments of <c>graph ingest dicom</c>; numbers are parsed by the command so a bad one is a usage error (exit 2).</summary>
internal sealed class IngestDicomOptions
{
    // Zero or more, so a missing folder, a second one or an unknown option reach the command as a usage error (exit 2).
    public Argument<string[]> Folder { get; } = new("FOLDER") { Description = "The folder to ingest; walked recursively.", Arity = ArgumentArity.ZeroOrMore };

    public Option<string?> Repository { get; } = new("--repository") { Description = "Slug of the repository that hosts the dataset (created, named by its slug, if missing).", HelpName = "R" };

    public Option<string?> Dataset { get; } = new("--dataset") { Description = "Slug of the dataset the patients belong to (created, titled by its slug, if missing).", HelpName = "D" };

    public Option<DirectoryInfo> Data { get; } = CommonOptions.Data();

    // The de-identification flags are harvest's too, so both commands take the same flags with the same meaning.
    public DeidentificationCommandOptions Deidentification { get; } = new();

    public Option<FileInfo?> Rejects { get; } = new("--rejects")
    {
        Description = "Where to write the rejected files (TSV: path, kind, reason); by default DATA/rejects/ingest-dicom-TIME.tsv when a file is rejected.",
        HelpName = "FILE",
    };

    public Option<string> Batch { get; } = new("--batch") { Description = "Whole studies written per transaction (1 to 10000).", HelpName = "N", DefaultValueFactory = _ => "100" };

    public Option<string> Parallelism { get; } = new("--parallelism")
    {
        Description = "Files read at the same time (1 to 256).",
        HelpName = "N",
        DefaultValueFactory = _ => Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
