using System.CommandLine;
using Graph.Ingest;
using Graph.Ingest.Demo;
using Graph.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace Graph.Cli.Commands;

/// <summary><c>graph seed</c>: writes the synthetic demo catalogue, of any size, into a store.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var data = CommonOptions.Data();
        var patients = new Option<int>("--patients")
        {
            Description = "Patients to generate; about 10 series each (20000 gives launch scale, 100000 about a million series).",
            DefaultValueFactory = _ => 20_000,
        };
        patients.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, out var value) && value is < 1 or > 2_000_000)
                r.AddError("--patients must be between 1 and 2000000.");
        });
        var seed = new Option<int>("--seed") { Description = "The random seed; the same seed and size give the same catalogue.", DefaultValueFactory = _ => 42 };
        var batch = new Option<int>("--batch") { Description = "Patients written per transaction.", DefaultValueFactory = _ => 500 };
        batch.Validators.Add(r =>
        {
            if (r.Tokens is [var token] && int.TryParse(token.Value, out var value) && value is < 1 or > 100_000)
                r.AddError("--batch must be between 1 and 100000.");
        });
        var command = new Command("seed", "Generate the deterministic synthetic demo catalogue and write it to the store. Running it again changes nothing.")
        {
            data, patients, seed, batch,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new DemoOptions { Patients = result.GetValue(patients), Seed = result.GetValue(seed), BatchPatients = result.GetValue(batch) };
            try
            {
                await using var session = await CommonOptions.OpenAsync(result, data, cancellationToken);
                var store = session.Store;
                var writer = session.Writer;
                SeedSummary? summary = null;
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("patients", maxValue: options.Patients);
                        var progress = new SyncProgress<SeedProgress>(p =>
                        {
                            task.Value = p.Patients;
                            task.Description = $"{p.Patients:N0} patients, {p.Series:N0} series";
                        });
                        summary = await DemoSeeder.SeedAsync(writer, options, progress, cancellationToken);
                    });
                var counts = summary!.Counts;
                AnsiConsole.MarkupLineInterpolated(
                    $"Seeded {counts.Repositories} repositories, {counts.Datasets} datasets, {counts.CancerTypes} cancer types, {counts.Patients:N0} patients, {counts.Diagnoses:N0} diagnoses, {counts.Studies:N0} studies, {counts.Series:N0} series in {summary.Elapsed.TotalSeconds:F1} s.");
                AnsiConsole.MarkupLineInterpolated(
                    $"{summary.NodesChanged:N0} nodes and {summary.EdgesChanged:N0} relationships changed; the store is at change {summary.Sequence}.");
                return 0;
            }
            catch (Exception e) when (e is GraphStoreException or ChangeSetRejectedException)
            {
                await Console.Error.WriteLineAsync($"graph seed: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
