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

    public Option<FileInfo?> SecretFile { get; } = new("--secret-file")
    {
        Description = $"File holding the de-identification secret (at least 16 bytes); else the {IngestDicomCommand.SecretVariable} environment variable.",
        HelpName = "F",
    };

    public Option<bool> DevelopmentSecret { get; } = new("--development-secret")
    {
        Description = "Use a fixed, public key when no secret is given: for tests and demos only, anyone can recompute its pseudonyms.",
    };

    public Option<bool> PassThroughIds { get; } = new("--pass-through-ids")
    {
        Description = "The repository publishes pseudonyms already: keep patient ids as they are, once checked (letters, digits, . _ - :, a digit, no name).",
    };

    public Option<bool> RemapUids { get; } = new("--remap-uids") { Description = "Replace Study and Series Instance UIDs by keyed 2.25 UIDs (the same UID always gives the same)." };

    public Option<bool> DropDescriptions { get; } = new("--drop-descriptions")
    {
        Description = "Drop study and series descriptions (Annex E basic profile) instead of keeping the clean ones.",
    };

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
