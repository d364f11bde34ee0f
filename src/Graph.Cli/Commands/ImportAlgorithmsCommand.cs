using System.CommandLine;
using System.Globalization;
using Graph.Ingest.Algorithms;

namespace Graph.Cli.Commands;

/// <summary><c>graph import algorithms FILE</c>: registers AI models with the datasets they were trained on and the cancer types they target.</summary>
/// <remarks>Exit codes: 0 when every record was applied, 1 when a record was rejected or the store failed, 2 for usage errors and files
/// refused as a whole (not UTF-8, empty, a header row that cannot be read or has no slug column), nothing applied.</remarks>
internal static class ImportAlgorithmsCommand
{
    private const string Name = "graph import algorithms";

    public static Command Create()
    {
        var o = new ImportFileOptions("algorithms");
        var command = new Command(
            "algorithms",
            $"Register algorithms, one record each, columns {string.Join(", ", AlgorithmRegistration.Columns)} (lists separated by ';'). "
            + "An existing slug is updated: values given replace, blank values keep, a list given replaces the stored relationships. Running it again changes nothing.")
        {
            o.File, o.Format, o.Rejects, o.Data,
        };
        command.SetAction((result, cancellationToken) => o.RunAsync(result, Name, AlgorithmRegistration.ImportColumns, "algorithms", async (store, writer, set, ct) =>
        {
            var s = await AlgorithmImport.RunAsync(store, writer, set, ct);
            var skipped = s.Skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $", {s.Skipped:N0} empty rows skipped") : "";
            return new ImportOutcome(
                [string.Create(CultureInfo.InvariantCulture,
                    $"Read {s.Records:N0} records: {s.Applied:N0} algorithms registered, {s.Rejected:N0} rejected{skipped}; "
                    + $"{s.NodesChanged:N0} nodes and {s.EdgesChanged:N0} relationships changed; the store is at change {s.Sequence}.")],
                s.Rejected, s.Problems);
        }, cancellationToken));
        return command;
    }
}
