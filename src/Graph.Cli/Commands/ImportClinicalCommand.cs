using System.CommandLine;
using System.Globalization;
using Graph.Ingest.Clinical;

namespace Graph.Cli.Commands;

/// <summary><c>graph import clinical FILE</c>: imports diagnoses, stage, grade, markers and vital status for the catalogue's patients.</summary>
/// <remarks>Exit codes: 0 when every record was applied (warnings allowed), 1 when a record was rejected or the store failed, 2 for usage errors
/// and files refused as a whole (not UTF-8, empty, a header row that cannot be read or has no pseudonym column), nothing applied.</remarks>
internal static class ImportClinicalCommand
{
    private const string Name = "graph import clinical";

    public static Command Create()
    {
        var o = new ImportFileOptions("clinical");
        var batch = new Option<string>("--batch") { Description = "Records written per transaction (1 to 10000).", HelpName = "N", DefaultValueFactory = _ => "500" };
        var command = new Command(
            "clinical",
            $"Import clinical data for patients of the catalogue, one record per diagnosis, columns {string.Join(", ", ClinicalColumns.All)}. "
            + "Each record is validated on its own and applied whole or rejected; codes the catalogue's concepts do not hold are flagged as warnings. "
            + "Running it again changes nothing.")
        {
            o.File, o.Format, o.Rejects, batch, o.Data,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            if (!int.TryParse(result.GetValue(batch), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > 10_000)
            {
                await error.WriteLineAsync($"{Name}: --batch must be a whole number between 1 and 10000.");
                return 2;
            }

            return await o.RunAsync(result, Name, ClinicalColumns.Import, "records", async (store, writer, set, ct) =>
            {
                var s = await ClinicalImport.RunAsync(store, writer, set, size, ct);
                var skipped = s.Skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {s.Skipped:N0} empty rows skipped") : "";
                return new ImportOutcome(
                    [
                        string.Create(CultureInfo.InvariantCulture,
                            $"Read {s.Records:N0} records in {s.Elapsed.TotalSeconds:F1} s: {s.Applied:N0} applied, {s.Rejected:N0} rejected, {s.Warnings:N0} warnings{skipped}."),
                        string.Create(CultureInfo.InvariantCulture,
                            $"{s.NodesChanged:N0} nodes and {s.EdgesChanged:N0} relationships changed; the store is at change {s.Sequence}."),
                    ],
                    s.Rejected, s.Problems);
            }, cancellationToken);
        });
        return command;
    }
}
