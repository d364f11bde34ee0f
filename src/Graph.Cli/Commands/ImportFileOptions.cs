using System.CommandLine;
using System.Globalization;
using Graph.Ingest.Records;
using Graph.Store;

namespace Graph.Cli.Commands;

/// <summary>The arguments every <c>graph import</c> subcommand of record files shares: FILE, --format, --rejects, --data.</summary>
internal sealed class ImportFileOptions(string kind, string fileDescription = "The file to import: CSV (RFC 4180, header row) or a JSON array of objects.")
{
    // Zero or more, so a missing or second file reaches the command as a usage error (exit 2).
    public Argument<string[]> File { get; } = new("FILE") { Description = fileDescription, Arity = ArgumentArity.ZeroOrMore };

    public Option<string?> Format { get; } = new("--format") { Description = "csv or json; by default from the extension, else JSON when the file starts with '['.", HelpName = "F" };

    public Option<FileInfo?> Rejects { get; } = new("--rejects")
    {
        Description = $"Where to write rejected records and warnings (TSV: line, column, severity, reason); by default DATA/rejects/import-{kind}-TIME.tsv when there are any.",
        HelpName = "FILE",
    };

    public Option<DirectoryInfo> Data { get; } = CommonOptions.Data();

    /// <summary>Reads the file named on the command line, or returns a usage error or why the file was refused as a whole.</summary>
    public string? Read(ParseResult result, RecordColumns columns, out RecordSet set)
    {
        set = null!;
        if (Path(result, out var path) is { } usage)
            return usage;
        var formatText = result.GetValue(Format)?.ToLowerInvariant();
        if (formatText is not (null or "csv" or "json"))
            return $"--format must be csv or json, not '{formatText}'.";
        RecordFormat? format = formatText switch { "csv" => RecordFormat.Csv, "json" => RecordFormat.Json, _ => null };
        var content = System.IO.File.ReadAllBytes(path);
        set = RecordFile.Read(content, RecordFile.Detect(path, content, format), columns);
        return set.Refusal is { } refusal ? $"{path}: {refusal.Describe()}. Nothing was applied." : null;
    }

    /// <summary>The one FILE named on the command line, which must exist; returns a usage error, or null.</summary>
    public string? Path(ParseResult result, out string path)
    {
        var files = result.GetValue(File) ?? [];
        path = files.FirstOrDefault() ?? "";
        if (files.Length != 1)
            return files.Length == 0 ? "the FILE to import is missing (see --help)." : $"unrecognised argument '{files[1]}': give one FILE (see --help).";
        return System.IO.File.Exists(path) ? null : $"the file {path} does not exist.";
    }

    /// <summary>Imports the record file: reads it with its columns, opens the catalogue, runs <paramref name="import"/>, writes
    /// the report of rejected records and warnings and prints the outcome. Exit code 0 when no record was rejected, 1 when one
    /// was or the store failed (what was written before is whole), 2 for a usage error or a file refused as a whole (not UTF-8,
    /// empty, a header row that cannot be read or lacks a required column, a JSON array that cannot be read), nothing applied.</summary>
    /// <param name="result">The parsed command line.</param>
    /// <param name="name">The command, as error messages name it.</param>
    /// <param name="columns">The columns the records may have and those a header row must name.</param>
    /// <param name="records">What the import writes one of at a time ("algorithms", "records"), for the store-failure message.</param>
    /// <param name="import">Runs the import over the store and its writer.</param>
    /// <param name="cancellationToken">Stops the import between records.</param>
    public async Task<int> RunAsync(ParseResult result, string name, RecordColumns columns, string records,
        Func<IGraphStore, GraphWriter, RecordSet, CancellationToken, Task<ImportOutcome>> import, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        if (Read(result, columns, out var set) is { } usage)
        {
            await error.WriteLineAsync($"{name}: {usage}");
            return 2;
        }

        try
        {
            await using var session = await CommonOptions.OpenAsync(result, Data, cancellationToken);
            var writer = await session.ImportWriterAsync(cancellationToken);
            var outcome = await import(session.Store, writer, set, cancellationToken);
            var report = await WriteReportAsync(result, session.DataDirectory, outcome.Problems, cancellationToken);
            foreach (var line in outcome.Lines)
                await output.WriteLineAsync(line);
            if (report is not null)
                await output.WriteLineAsync($"Rejected records and warnings are listed in {report}.");
            return outcome.Rejected > 0 ? 1 : 0;
        }
        catch (GraphStoreException e)
        {
            await error.WriteLineAsync($"{name}: {e.Message} The {records} written before the failure are whole; run the command again to finish.");
            return 1;
        }
    }

    /// <summary>Writes the problems report when there is anything to report; returns its path, or null.</summary>
    public async Task<string?> WriteReportAsync(ParseResult result, string dataDirectory, IReadOnlyList<RecordProblem> problems, CancellationToken cancellationToken)
    {
        var path = result.GetValue(Rejects)?.FullName ?? (problems.Count > 0
            ? System.IO.Path.Combine(dataDirectory, "rejects", $"import-{kind}-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.tsv")
            : null);
        if (path is not null)
            await ProblemsReport.WriteAsync(path, problems, cancellationToken);
        return path;
    }
}

/// <summary>What an import of a record file did, as the command prints it.</summary>
/// <param name="Lines">The summary lines.</param>
/// <param name="Rejected">How many records were rejected.</param>
/// <param name="Problems">The rejected records and the warnings, for the report.</param>
internal sealed record ImportOutcome(IReadOnlyList<string> Lines, int Rejected, IReadOnlyList<RecordProblem> Problems);
