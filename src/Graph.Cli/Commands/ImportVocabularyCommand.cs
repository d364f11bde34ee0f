using System.CommandLine;
using System.Globalization;
using Graph.Ingest.Records;
using Graph.Ingest.Vocabulary;
using Graph.Store;

namespace Graph.Cli.Commands;

/// <summary><c>graph import vocabulary FILE</c>: imports a partner's own concepts with labels, synonyms and BROADER links.</summary>
/// <remarks>
/// Exit codes: 0 every row applied; 1 rows rejected (nothing applied, or with --partial the good rows applied) or the store
/// failed; 2 usage errors and files that cannot be read as a whole (empty, not UTF-8, no header, no curie or label column), nothing applied.
/// </remarks>
internal static class ImportVocabularyCommand
{
    private const string Name = "graph import vocabulary";

    public static Command Create()
    {
        var o = new ImportFileOptions(
            "vocabulary",
            "The vocabulary: TSV in the shape of the shipped concepts.tsv ('#' comment lines, a header row), CSV with a header row, or a JSON array of objects.");
        var format = new Option<string?>("--format") { Description = "tsv, csv or json; by default from the extension, else JSON when the file starts with '[', else TSV when its header holds a tab.", HelpName = "F" };
        var partial = new Option<bool>("--partial") { Description = "Apply the good rows even when some are rejected (in one transaction); by default a file applies whole or not at all." };
        var command = new Command(
            "vocabulary",
            $"Import concepts, one a row, columns {string.Join(", ", VocabularyColumns.All)} (curie and label required; synonyms and broader separated by '|'). "
            + "Each broader concept must be in the file or the catalogue. A concept the catalogue holds is updated: label, and system, synonyms and IRI when given, "
            + "replace the stored ones; a non-empty broader column replaces its BROADER links. Each bad row is reported with its line number and reason. "
            + "Running it again changes nothing.")
        {
            o.File, format, partial, o.Rejects, o.Data,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (o.Path(result, out var path) is { } usage)
            {
                await error.WriteLineAsync($"{Name}: {usage}");
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
            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            var detected = VocabularyReader.Detect(path, content, asked);
            try
            {
                records = VocabularyReader.Read(content, detected);
            }
            catch (VocabularyFormatException e)
            {
                await error.WriteLineAsync($"{Name}: {path}: {e.Message}. Nothing was applied.");
                return 2;
            }

            try
            {
                await using var session = await CommonOptions.OpenAsync(result, o.Data, cancellationToken);
                var store = session.Store;
                var writer = await session.ImportWriterAsync(cancellationToken);
                var catalogue = await ConceptCatalogue.ReadAsync(store, cancellationToken);
                var isPartial = result.GetValue(partial);
                var outcome = await VocabularyImporter.ImportAsync(writer, records, detected, catalogue, isPartial, writtenBy: null, cancellationToken);
                foreach (var problem in outcome.Problems)
                {
                    var kind = problem.Severity == ProblemSeverity.Rejected ? "" : "warning: ";
                    var column = problem.Column.Length > 0 ? $" ({problem.Column})" : "";
                    await error.WriteLineAsync($"{Name}: {path}: line {problem.Line}{column}: {kind}{problem.Reason}");
                }

                var report = await o.WriteReportAsync(result, session.DataDirectory, outcome.Problems, cancellationToken);
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

                if (report is not null)
                    await output.WriteLineAsync($"Rejected rows and warnings are listed in {report}.");
                return outcome.Rejected > 0 ? 1 : 0;
            }
            catch (Exception e) when (e is ChangeSetRejectedException or GraphStoreException)
            {
                await error.WriteLineAsync($"{Name}: {e.Message} Nothing was applied.");
                return 1;
            }
        });
        return command;
    }
}
