using System.CommandLine;

namespace Graph.Cli.Commands;

/// <summary>The arguments of <c>graph harvest</c>; numbers are parsed by the command so a bad one is a usage error (exit 2).</summary>
internal sealed class HarvestCommandOptions
{
    public const string CredentialsFileVariable = "GRAPH_HARVEST_CREDENTIALS_FILE";
    public const string UsernameVariable = "GRAPH_HARVEST_USERNAME";
    public const string PasswordVariable = "GRAPH_HARVEST_PASSWORD";
    public const string BearerTokenVariable = "GRAPH_HARVEST_BEARER_TOKEN";

    // Zero or more, so a missing or second repository reaches the command as a usage error (exit 2).
    public Argument<string[]> Repository { get; } = new("REPOSITORY") { Description = "The slug of a registered repository (see 'graph repository list').", Arity = ArgumentArity.ZeroOrMore };

    public Option<string?> Dataset { get; } = new("--dataset") { Description = "Slug of the dataset the harvested patients belong to (created, hosted by the repository, if missing).", HelpName = "D" };

    public Option<DirectoryInfo> Data { get; } = CommonOptions.Data();

    public Option<bool> Full { get; } = new("--full") { Description = "Read and write every study, ignoring the fingerprints of the checkpoint (DATA/harvest/REPOSITORY.json)." };

    public Option<FileInfo?> CredentialsFile { get; } = new("--credentials-file")
    {
        Description = $"File with the repository's credentials, one line: USER:PASSWORD or 'Bearer TOKEN'. Else {CredentialsFileVariable}, "
            + $"else {UsernameVariable} and {PasswordVariable}, else {BearerTokenVariable}; none when nothing is set.",
        HelpName = "F",
    };

    // The de-identification flags are file ingest's too, so both commands take the same flags with the same meaning.
    public DeidentificationCommandOptions Deidentification { get; } = new();

    public Option<string> PageSize { get; } = new("--page-size") { Description = "Studies per QIDO-RS page (1 to 10000).", HelpName = "N", DefaultValueFactory = _ => "100" };

    public Option<string> Parallelism { get; } = new("--parallelism") { Description = "Studies read at the same time (1 to 64).", HelpName = "N", DefaultValueFactory = _ => "4" };

    public Option<string> Timeout { get; } = new("--timeout") { Description = "Seconds one HTTP request may take (1 to 3600).", HelpName = "S", DefaultValueFactory = _ => "30" };

    public Option<string> Attempts { get; } = new("--attempts")
    {
        Description = "Attempts per request when it fails transiently (5xx, timeout, connection refused), with exponential back-off (1 to 10).",
        HelpName = "N",
        DefaultValueFactory = _ => "4",
    };

    public Option<bool> Quiet { get; } = new("--quiet") { Description = "Print the summary only: no progress and no warnings." };
}
