// Harvest throughput of the DICOMweb harvester against a local Orthanc (its DICOMweb plugin), side by side with DICOM
// folder ingest of the same instances as files, and the time of a second, incremental harvest with nothing changed.
//
// Usage (needs Debian's orthanc and orthanc-dicomweb):
//   dotnet run -c Release --project bench/Graph.Bench.Harvest [-- [--series N] [--upload C] [--parallelism P] [--page-size S]]
//
//   --series N       series to put in Orthanc (default 2000): N/4 patients, 2 studies each, 2 series each, 1 tiny instance each
//   --upload C       concurrent uploads to Orthanc's REST API (default 4)
//   --parallelism P  studies the harvester reads at the same time (default 4)
//   --page-size S    studies per QIDO-RS page (default 100)
using System.Diagnostics;
using System.Globalization;
using Graph.Bench.Harvest;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Dicom;
using Graph.Ingest.Harvest;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

var series = 2000;
var upload = 4;
var parallelism = 4;
var pageSize = 100;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--series": series = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--upload": upload = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--parallelism": parallelism = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--page-size": pageSize = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; see the usage at the top of Program.cs");
            return 2;
    }
}

if (OrthancServer.Executable is null || OrthancServer.Plugin is null)
{
    Console.Error.WriteLine($"Orthanc with its DICOMweb plugin is needed: {OrthancServer.InstallCommand}");
    return 1;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var key = DeidentificationKey.Development;
await using var orthanc = await OrthancServer.StartAsync(cancel.Token);
var catalogue = TinyCatalogue.Create((series + 3) / 4, studiesPerPatient: 2, seriesPerStudy: 2, instancesPerSeries: 1);
var watch = Stopwatch.StartNew();
await catalogue.UploadAsync(orthanc, upload, cancel.Token);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Orthanc {orthanc.DicomWebRoot}: uploaded {catalogue.Instances.Count:N0} instances ({catalogue.Studies.Count:N0} studies, {catalogue.Series.Count:N0} series) "
    + $"in {watch.Elapsed.TotalSeconds:F1} s with {upload} concurrent requests"));

using var folder = new TempDirectory();
var harvest = new HarvestRunner(folder.Path, orthanc.DicomWebRoot, key, parallelism, pageSize);
var first = await harvest.RunAsync(cancel.Token);
var second = await harvest.RunAsync(cancel.Token);
var peer = await IngestFilesAsync(folder, catalogue, key, cancel.Token);

Console.WriteLine();
Console.WriteLine($"{"run",-44} {"studies",8} {"series",8} {"written",8} {"seconds",8} {"series/s",9}");
Print("harvest over DICOMweb, first run", first.StudiesSeen, catalogue.Series.Count, first.StudiesWritten, first.Elapsed);
Print("harvest over DICOMweb, nothing changed", second.StudiesSeen, catalogue.Series.Count, second.StudiesWritten, second.Elapsed);
Print("peer: DICOM folder ingest of the same files", peer.Studies, peer.Series, peer.Studies, peer.Elapsed);
return first.Status == HarvestStatus.Succeeded && second.StudiesWritten == 0 ? 0 : 1;

static void Print(string run, int studies, int series, int written, TimeSpan elapsed) =>
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{run,-44} {studies,8:N0} {series,8:N0} {written,8:N0} {elapsed.TotalSeconds,8:F2} {series / elapsed.TotalSeconds,9:N0}"));

static async Task<DicomIngestSummary> IngestFilesAsync(TempDirectory folder, TinyCatalogue catalogue, DeidentificationKey key, CancellationToken cancellationToken)
{
    var files = Path.Combine(folder.Path, "files");
    Directory.CreateDirectory(files);
    foreach (var (instance, i) in catalogue.Instances.Select((instance, i) => (instance, i)))
        await File.WriteAllBytesAsync(Path.Combine(files, i.ToString("D6", CultureInfo.InvariantCulture) + ".dcm"), TinyDicom.Instance(instance), cancellationToken);
    await using var store = new SqliteGraphStore(Path.Combine(folder.Path, "ingest.db"));
    await store.EnsureSchemaAsync(cancellationToken);
    var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
    var options = new DicomIngestOptions { Folder = files, Repository = "files", Dataset = "tiny", Key = key };
    return await DicomFolderIngest.RunAsync(store, writer, options, null, NullLogger.Instance, cancellationToken);
}
