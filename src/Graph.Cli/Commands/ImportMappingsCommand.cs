using System.CommandLine;
using Graph.Ingest.Mappings;
using Graph.Store;

namespace Graph.Cli.Commands;

/// <summary><c>graph import mappings FILE [--partial]</c>: imports SSSOM TSV concept mappings with their provenance.</summary>
/// <remarks>
/// Exit codes: 0 every row applied; 1 rows rejected (nothing applied, or with --partial the good rows applied) or the
/// store failed; 2 usage errors and files that cannot be read (not UTF-8, metadata block or header), nothing applied.
/// </remarks>
internal static class ImportMappingsCommand
{
    private const string Name = "graph import mappings";

    public static Command Create()
    {
        var file = new Argument<string[]>("FILE") { Description = "The SSSOM TSV file (metadata block with curie_map, mapping_set_id and license).", Arity = ArgumentArity.ZeroOrMore };
        var partial = new Option<bool>("--partial") { Description = "Apply the good rows even when some are rejected (in one transaction); by default a file applies whole or not at all." };
        var data = CommonOptions.Data();
        var command = new Command(
            "mappings",
            "Import concept mappings (MAPS_TO with SKOS predicate, justification, confidence, author, date) from SSSOM TSV. Concepts the catalogue "
            + "does not hold are created from their CURIEs and labels. Each bad row is reported with its line number and reason. Running it again changes nothing.")
        {
            file, partial, data,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var files = result.GetValue(file) ?? [];
            if (files.Length != 1)
            {
                await error.WriteLineAsync($"{Name}: give one FILE (see --help).");
                return 2;
            }

            if (!File.Exists(files[0]))
            {
                await error.WriteLineAsync($"{Name}: the file {files[0]} does not exist.");
                return 2;
            }

            SssomDocument document;
            try
            {
                document = SssomReader.Read(await File.ReadAllBytesAsync(files[0], cancellationToken));
            }
            catch (SssomFormatException e)
            {
                await error.WriteLineAsync($"{Name}: {files[0]}: {e.Message} Nothing was applied.");
                return 2;
            }

            try
            {
                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                var store = session.Store;
                var writer = await session.ImportWriterAsync(cancellationToken);
                var existing = await MappingSetSource.ReadAsync(store, cancellationToken);
                var isPartial = result.GetValue(partial);
                var outcome = await MappingImporter.ImportAsync(writer, document, isPartial, existing.Concepts.ContainsKey, writtenBy: null, cancellationToken);
                foreach (var rejection in outcome.Rejections)
                    await error.WriteLineAsync($"{Name}: {files[0]}: {rejection}");
                if (outcome.Rejections.Count > 0 && !isPartial)
                {
                    await output.WriteLineAsync($"{outcome.Rejections.Count} rows rejected; nothing was applied (the file applies whole or not at all; --partial applies the good rows).");
                    return 1;
                }

                await output.WriteLineAsync(
                    $"{outcome.MappingSetId}: {outcome.Applied} mappings applied, {outcome.ConceptsCreated} concepts created, {outcome.Rejections.Count} rows rejected.");
                return outcome.Rejections.Count > 0 ? 1 : 0;
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
