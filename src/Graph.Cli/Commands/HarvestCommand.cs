using System.CommandLine;
using System.Globalization;
using System.Net;
using Graph.Domain;
using Graph.Hosting;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Harvest;
using Graph.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Cli.Commands;

/// <summary><c>graph harvest REPOSITORY --dataset D</c>: harvests a registered repository over DICOMweb, incrementally.</summary>
/// <remarks>
/// Exit codes: 0 when the run succeeded (every placeable study written, warnings or not), 1 when it was partial (a study
/// was refused) or failed (the reason is printed and recorded in its
/// HarvestRun node) or the store failed, 2 for usage errors, 130 when cancelled. Output holds counts, slugs and
/// reasons; never credentials nor patient identifiers.
/// </remarks>
internal static class HarvestCommand
{
    private const string Name = "graph harvest";

    public static Command Create()
    {
        var o = new HarvestCommandOptions();
        var d = o.Deidentification;
        var command = new Command(
            "harvest",
            "Harvest a registered repository over DICOMweb (QIDO-RS, WADO-RS metadata): de-identify as DICOM file ingest does, write whole studies, "
            + "mark studies the repository no longer lists as withdrawn, and record the run. A second run reads and writes only what changed.")
        {
            o.Repository, o.Dataset, o.Data, o.Full, o.CredentialsFile, d.SecretFile, d.DevelopmentSecret, d.PassThroughIds, d.RemapUids,
            d.DropDescriptions, o.PageSize, o.Parallelism, o.Timeout, o.Attempts, o.Quiet,
        };
        command.SetAction((result, cancellationToken) => RunAsync(o, result, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(HarvestCommandOptions o, ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        StoreSettings settings;
        try
        {
            settings = CommonOptions.Settings(result, o.Data);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"{Name}: {e.Message}");
            return 2;
        }

        if (Usage(o, result, Path.GetFullPath(settings.DataDirectory), out var options) is { } usage)
        {
            await error.WriteLineAsync($"{Name}: {usage}");
            return 2;
        }

        if (options.Key?.IsDevelopment == true)
            await error.WriteLineAsync($"{Name}: warning: the development key is public; pseudonyms made with it protect nothing.");

        var quiet = result.GetValue(o.Quiet);
        try
        {
            await using var session = await CommonOptions.OpenAsync(result, o.Data, cancellationToken);
            var store = session.Store;
            var writer = session.Writer;
            using var handler = new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, ConnectTimeout = TimeSpan.FromSeconds(10) };
            using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            var harvester = new DicomWebHarvester(store, writer, http, new HarvestConsoleLogger(error, quiet));
            var summary = await harvester.RunAsync(options, null, new HarvestProgressPrinter(error, quiet), cancellationToken);
            Print(output, summary);
            return summary.Status == HarvestStatus.Succeeded ? 0 : 1;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"{Name}: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is InvalidOperationException or GraphStoreException or ChangeSetRejectedException)
        {
            await error.WriteLineAsync($"{Name}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync($"{Name}: cancelled. The studies written so far are whole; run the command again to go on from the checkpoint.");
            return 130;
        }
    }

    private static string? Usage(HarvestCommandOptions o, ParseResult result, string dataDirectory, out HarvestOptions options)
    {
        options = null!;
        if (result.GetValue(o.Repository) is not [var repository])
            return "give one REPOSITORY (see --help).";
        var dataset = result.GetValue(o.Dataset);
        if (string.IsNullOrEmpty(dataset))
            return "--dataset is required.";
        if (KeyRules.Check(GraphModel.Repository, repository) is { } repositoryError)
            return $"REPOSITORY: {repositoryError}.";
        if (KeyRules.Check(GraphModel.Dataset, dataset) is { } datasetError)
            return $"--dataset: {datasetError}.";
        if (!CommonOptions.TryNumber(result.GetValue(o.PageSize), 1, 10_000, out var pageSize))
            return "--page-size must be a whole number between 1 and 10000.";
        if (!CommonOptions.TryNumber(result.GetValue(o.Parallelism), 1, 64, out var parallelism))
            return "--parallelism must be a whole number between 1 and 64.";
        if (!CommonOptions.TryNumber(result.GetValue(o.Timeout), 1, 3600, out var timeout))
            return "--timeout must be a whole number of seconds between 1 and 3600.";
        if (!CommonOptions.TryNumber(result.GetValue(o.Attempts), 1, 10, out var attempts))
            return "--attempts must be a whole number between 1 and 10.";

        DicomWebCredentials credentials;
        try
        {
            credentials = Credentials(result.GetValue(o.CredentialsFile));
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }

        if (o.Deidentification.Resolve(result, out var deidentification) is { } deidentificationError)
            return deidentificationError;

        options = new HarvestOptions
        {
            Repository = repository,
            Dataset = dataset,
            DataDirectory = dataDirectory,
            Full = result.GetValue(o.Full),
            Credentials = credentials,
            Key = deidentification.Key,
            PassThroughIds = deidentification.PassThroughIds,
            RemapUids = deidentification.RemapUids,
            RetainCleanDescriptions = deidentification.RetainCleanDescriptions,
            PageSize = pageSize,
            Parallelism = parallelism,
            RequestTimeout = TimeSpan.FromSeconds(timeout),
            MaxAttempts = attempts,
        };
        return null;
    }

    private static DicomWebCredentials Credentials(FileInfo? file)
    {
        if (file is not null)
            return DicomWebCredentials.FromFile(file.FullName);
        if (Environment.GetEnvironmentVariable(HarvestCommandOptions.CredentialsFileVariable) is { Length: > 0 } path)
            return DicomWebCredentials.FromFile(path);
        if (Environment.GetEnvironmentVariable(HarvestCommandOptions.UsernameVariable) is { Length: > 0 } username)
            return DicomWebCredentials.Basic(username, Environment.GetEnvironmentVariable(HarvestCommandOptions.PasswordVariable) ?? "");
        return Environment.GetEnvironmentVariable(HarvestCommandOptions.BearerTokenVariable) is { Length: > 0 } token
            ? DicomWebCredentials.Bearer(token)
            : DicomWebCredentials.None;
    }

    private static void Print(TextWriter output, HarvestSummary s)
    {
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Harvest {s.RunId} of repository '{s.Repository}' into dataset '{s.Dataset}' {s.Status.ToText()} in {s.Elapsed.TotalSeconds:F1} s."));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{s.StudiesSeen:N0} studies listed: {s.StudiesUnchanged:N0} unchanged, {s.StudiesWritten:N0} written ({s.SeriesWritten:N0} series), "
            + $"{s.StudiesWithdrawn:N0} withdrawn, {s.Errors:N0} errors, {s.AnnotationsWritten:N0} annotations; {s.NodesChanged:N0} nodes and {s.EdgesChanged:N0} relationships changed; the store is at change {s.Sequence}."));
        if (s.StudiesWithWarnings > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.StudiesWithWarnings:N0} studies written with warnings:"));
            foreach (var (kind, studies) in WarningText.Kinds.Select(k => (k, s.Warnings.GetValueOrDefault(k))).Where(w => w.Item2 > 0))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {studies:N0} studies: {WarningText.Phrase(kind)}."));
        }

        if (s.Message is not null)
            output.WriteLine($"{(s.Status == HarvestStatus.Failed ? "Failed" : "Problems")}: {s.Message}");
    }
}
