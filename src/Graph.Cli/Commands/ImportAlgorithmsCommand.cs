using System.CommandLine;
using System.Globalization;
using Graph.Ingest.Algorithms;
using Graph.Store;

namespace Graph.Cli.Commands;

/// <summary><c>graph import algorithms FILE</c>: registers AI models with the datasets they were trained on and the cancer types they target.</summary>
/// <remarks>Exit codes: 0 when every record was applied, 1 when a record was rejected or the store failed, 2 for usage errors.</remarks>
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
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            if (o.Read(result, AlgorithmRegistration.Columns, out var set) is { } usage)
            {
                await error.WriteLineAsync($"{Name}: {usage}");
                return 2;
            }

            try
            {
                await using var session = await CommonOptions.OpenAsync(result, o.Data, cancellationToken);
                var store = session.Store;
                var writer = await session.ImportWriterAsync(cancellationToken);
                var s = await AlgorithmImport.RunAsync(store, writer, set, cancellationToken);
                var report = await o.WriteReportAsync(result, session.DataDirectory, s.Problems, cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Read {s.Records:N0} records: {s.Applied:N0} algorithms registered, {s.Rejected:N0} rejected; "
                    + $"{s.NodesChanged:N0} nodes and {s.EdgesChanged:N0} relationships changed; the store is at change {s.Sequence}."));
                if (report is not null)
                    await output.WriteLineAsync($"Rejected records and warnings are listed in {report}.");
                return s.Rejected > 0 ? 1 : 0;
            }
            catch (GraphStoreException e)
            {
                await error.WriteLineAsync($"{Name}: {e.Message} The algorithms written before the failure are whole; run the command again to finish.");
                return 1;
            }
        });
        return command;
    }
}
