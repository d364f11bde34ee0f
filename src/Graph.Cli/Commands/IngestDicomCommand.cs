using System.CommandLine;
using System.Globalization;
using Graph.Domain;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Dicom;
using Graph.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Cli.Commands;

/// <summary><c>graph ingest dicom FOLDER</c>: reads a folder of DICOM files, de-identifies them and writes whole studies to the store.</summary>
/// <remarks>
/// Exit codes: 0 when every placeable file was written (with warnings or not; DICOMDIRs are skipped), 1 when a file
/// was refused (not DICOM, unreadable, or without the UIDs that place it) or the store failed, 2 for usage errors.
/// Output holds counts only; paths (which can carry names) go to the rejects report alone.
/// </remarks>
internal static class IngestDicomCommand
{
    private const string Name = "graph ingest dicom";

    public static Command Create()
    {
        var o = new IngestDicomOptions();
        var d = o.Deidentification;
        var command = new Command(
            "dicom",
            "Ingest a folder of DICOM files: de-identify (PS3.15 Annex E, keeping age and sex; keyed pseudonyms; years only), "
            + "group into patients, studies and series, and write whole studies. Running it again changes nothing.")
        {
            o.Folder, o.Repository, o.Dataset, o.Data, d.SecretFile, d.DevelopmentSecret, d.PassThroughIds, d.RemapUids,
            d.DropDescriptions, o.Rejects, o.Batch, o.Parallelism,
        };
        command.SetAction((result, cancellationToken) => RunAsync(o, result, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IngestDicomOptions o, ParseResult result, CancellationToken cancellationToken)
    {
        if (Usage(o, result, out var options) is { } error)
        {
            await Console.Error.WriteLineAsync($"{Name}: {error}");
            return 2;
        }

        if (options.Key?.IsDevelopment == true)
            await Console.Error.WriteLineAsync($"{Name}: warning: the development key is public; pseudonyms made with it protect nothing.");

        try
        {
            await using var session = await CommonOptions.OpenAsync(result, o.Data, cancellationToken);
            var store = session.Store;
            var writer = session.Writer;
            var summary = await IngestProgressDisplay.RunAsync(
                (progress, token) => DicomFolderIngest.RunAsync(store, writer, options, progress, NullLogger.Instance, token), cancellationToken);
            var rejects = result.GetValue(o.Rejects)?.FullName ?? (summary.Rejects.Count > 0
                ? Path.Combine(session.DataDirectory, "rejects", $"ingest-dicom-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.tsv")
                : null);
            if (rejects is not null)
                await RejectsReport.WriteAsync(rejects, summary.Rejects, cancellationToken);
            PrintSummary(summary, rejects);
            return summary.Rejected > 0 ? 1 : 0;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{Name}: {e.Message}");
            return 2;
        }
        catch (GraphStoreException e)
        {
            await Console.Error.WriteLineAsync($"{Name}: {e.Message} The studies written before the failure are whole; run the command again to finish.");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"{Name}: cancelled. The studies written so far are whole; run the command again to finish.");
            return 130;
        }
    }

    private static string? Usage(IngestDicomOptions o, ParseResult result, out DicomIngestOptions options)
    {
        options = null!;
        var arguments = result.GetValue(o.Folder) ?? [];
        if (arguments.Length == 0)
            return "the FOLDER to ingest is missing (see --help).";
        if (arguments.Length > 1)
            return $"unrecognised argument '{arguments[1]}': give one FOLDER (see --help).";
        var folder = arguments[0];
        if (!Directory.Exists(folder))
            return $"the folder {folder} does not exist.";
        var repository = result.GetValue(o.Repository);
        var dataset = result.GetValue(o.Dataset);
        if (string.IsNullOrEmpty(repository) || string.IsNullOrEmpty(dataset))
            return "--repository and --dataset are required.";
        if (KeyRules.Check(GraphModel.Repository, repository) is { } repositoryError)
            return $"--repository: {repositoryError}.";
        if (KeyRules.Check(GraphModel.Dataset, dataset) is { } datasetError)
            return $"--dataset: {datasetError}.";
        if (!CommonOptions.TryNumber(result.GetValue(o.Batch), 1, 10_000, out var batch))
            return "--batch must be a whole number between 1 and 10000.";
        if (!CommonOptions.TryNumber(result.GetValue(o.Parallelism), 1, 256, out var parallelism))
            return "--parallelism must be a whole number between 1 and 256.";

        if (o.Deidentification.Resolve(result, out var deidentification) is { } deidentificationError)
            return deidentificationError;

        options = new DicomIngestOptions
        {
            Folder = folder,
            Repository = repository,
            Dataset = dataset,
            Key = deidentification.Key,
            PassThroughIds = deidentification.PassThroughIds,
            RemapUids = deidentification.RemapUids,
            RetainCleanDescriptions = deidentification.RetainCleanDescriptions,
            BatchStudies = batch,
            Parallelism = parallelism,
        };
        return null;
    }

    private static void PrintSummary(DicomIngestSummary s, string? rejects)
    {
        var rate = s.ReadTime.TotalSeconds > 0 ? s.Files / s.ReadTime.TotalSeconds : 0;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Read {s.Files:N0} files in {s.ReadTime.TotalSeconds:F1} s ({rate:N0} files/s): {s.Accepted:N0} accepted, {s.Rejected:N0} rejected, {s.Skipped:N0} skipped (DICOMDIR)."));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {s.Patients:N0} patients, {s.Studies:N0} studies, {s.Series:N0} series ({s.Instances:N0} instances), {s.Annotations:N0} annotations in {s.Elapsed.TotalSeconds:F1} s: {s.NodesChanged:N0} nodes and {s.EdgesChanged:N0} relationships changed; the store is at change {s.Sequence}."));
        if (s.StudiesWithWarnings > 0)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"{s.StudiesWithWarnings:N0} studies written with warnings ({s.UnknownPatients:N0} patients of unknown identity):"));
            foreach (var (kind, files) in WarningText.Kinds.Select(k => (k, s.Warnings.GetValueOrDefault(k))).Where(w => w.Item2 > 0))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {files:N0} files: {WarningText.Phrase(kind)}."));
        }

        if (s.DescriptionsRemoved > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Dropped {s.DescriptionsRemoved:N0} descriptions that carried identifying values or dates."));
        if (s.Conflicts > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Conflicts:N0} files named another study than the other files of their series, or another patient than the other files of their study, and were rejected."));
        if (rejects is not null)
            Console.WriteLine($"Rejected files are listed in {rejects}.");
    }
}
