using System.CommandLine;
using System.Globalization;
using Graph.Ingest.Records;
using Graph.Ingest.Vocabulary;
using Graph.Store;

namespace Graph.Cli.Commands;

/// <summary><c>graph import vocabulary FILE</c>: imports a partner's own concepts with labels, synonyms and BROADER links.</summary>
/// <remarks>
/// Exit codes: 0 every row applied; 1 rows rejected (nothing applied, or with --partial the good rows applied) or the store
/// failed; 2 usage errors and files that cannot be read as a whole (empty, no header, no curie or label column), nothing applied.
/// </remarks>
internal static class ImportVocabularyCommand
{
    private const string Name = "graph import vocabulary";

    public static Command Create()
    {
        var file = new Argument<string[]>("FILE")
        {
            Description = "The vocabulary: TSV in the shape of the shipped concepts.tsv ('#' comment lines, a header row), CSV with a header row, or a JSON array of objects.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string?>("--format") { Description = "tsv, csv or json; by default from the extension, else JSON when the file starts with '[', else TSV when its header holds a tab.", HelpName = "F" };
        var partial = new Option<bool>("--partial") { Description = "Apply the good rows even when some are rejected (in one transaction); by default a file applies whole or not at all." };
        var rejects = new Option<FileInfo?>("--rejects")
        {
            Description = "Where to write rejected rows and warnings (TSV: line, column, severity, reason); by default DATA/rejects/import-vocabulary-TIME.tsv when there are any.",
            HelpName = "FILE",
        };
        var data = CommonOptions.Data();
        var command = new Command(
            "vocabulary",
            $"Import concepts, one a row, columns {string.Join(", ", VocabularyColumns.All)} (curie and label required; synonyms and broader separated by '|'). "
            + "Each broader concept must be in the file or the catalogue. A concept the catalogue holds is updated: label, and system, synonyms and IRI when given, "
            + "replace the stored ones; a non-empty broader column replaces its BROADER links. Each bad row is reported with its line number and reason. "
            + "Running it again changes nothing.")
        {
            file, format, partial, rejects, data,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var files = result.GetValue(file) ?? [];
            if (files.Length != 1)
            {
                await error.WriteLineAsync($"{Name}: " + (files.Length == 0 ? "the FILE to import is missing (see --help)." : $"unrecognised argument '{files[1]}': give one FILE (see --help)."));
                return 2;
            }

            if (!File.Exists(files[0]))
            {
                await error.WriteLineAsync($"{Name}: the file {files[0]} does not exist.");
                return 2;
            }

            var formatText = result.GetValue(format)?.ToLowerInvariant();
            if (formatText is not (null or "tsv" or "csv" or "json"))
            {
                await error.WriteLineAsync($"{Name}: --format must be tsv, csv or json, not '{formatText}'.");
                return 2;
            }

            VocabularyFormat? asked = formatText switch { "tsv" => VocabularyFormat.Tsv, "csv" => VocabularyFormat.Csv, "json" => VocabularyFormat.Json, _ => null };
            RecordSet records;
            var content = await File.ReadAllBytesAsync(files[0], cancellationToken);
            var detected = VocabularyReader.Detect(files[0], content, asked);
            try
            {
                records = VocabularyReader.Read(content, detected);
            }
            catch (VocabularyFormatException e)
            {
                await error.WriteLineAsync($"{Name}: {files[0]}: {e.Message}. Nothing was applied.");
                return 2;
            }

            try
            {
                await using var store = await CommonOptions.OpenStoreAsync(result.GetValue(data)!, cancellationToken);
                var writer = await CommonOptions.ImportWriterAsync(store, cancellationToken);
                var catalogue = await StoreConceptCatalogue.ReadAsync(store, cancellationToken);
                var isPartial = result.GetValue(partial);
                var outcome = await VocabularyImporter.ImportAsync(writer, records, detected, catalogue, isPartial, cancellationToken);
                foreach (var problem in outcome.Problems)
                {
                    var kind = problem.Severity == ProblemSeverity.Rejected ? "" : "warning: ";
                    var column = problem.Column.Length > 0 ? $" ({problem.Column})" : "";
                    await error.WriteLineAsync($"{Name}: {files[0]}: line {problem.Line}{column}: {kind}{problem.Reason}");
                }

                var path = result.GetValue(rejects)?.FullName ?? (outcome.Problems.Count > 0
                    ? Path.Combine(result.GetValue(data)!.FullName, "rejects", $"import-vocabulary-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.tsv")
                    : null);
                if (path is not null)
                    await ProblemsReport.WriteAsync(path, outcome.Problems, cancellationToken);
                if (outcome.Rejected > 0 && !isPartial)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"Read {outcome.Rows:N0} concepts: {outcome.Rejected:N0} rows rejected; nothing was applied (the file applies whole or not at all; --partial applies the good rows)."));
                }
                else
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"Read {outcome.Rows:N0} concepts: {outcome.Created:N0} created, {outcome.Updated:N0} updated, {outcome.Unchanged:N0} unchanged, "
                        + $"{outcome.BroaderAdded:N0} broader links added, {outcome.BroaderRemoved:N0} removed, {outcome.Rejected:N0} rows rejected."));
                }

                if (path is not null)
                    await output.WriteLineAsync($"Rejected rows and warnings are listed in {path}.");
                return outcome.Rejected > 0 ? 1 : 0;
            }
            catch (ChangeSetRejectedException e)
            {
                await error.WriteLineAsync($"{Name}: {e.Message} Nothing was applied.");
                return 1;
            }
            catch (GraphStoreException e)
            {
                await error.WriteLineAsync($"{Name}: {e.Message} Nothing was applied.");
                return 1;
            }
        });
        return command;
    }
}
