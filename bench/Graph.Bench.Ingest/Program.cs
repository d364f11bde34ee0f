// Folder ingest end to end: read every header, de-identify, group into series, studies and patients, and write
// whole studies to a fresh SQLite store, beside the peer that bounds it: the reader alone over the same files.
//
// Usage:
//   dotnet run -c Release --project bench/Graph.Bench.Ingest [-- [--studies 200] [--series 10] [--instances 10]
//                                                             [--parallelism N] [--batch 100] [--runs 3] [--keep]
//                                                             [--folder DIR]]
//
//   --studies, --series, --instances   the folder's shape (default 200 x 10 x 10 = 20,000 files, 100 patients)
//   --parallelism N                    files read at once (default: the number of processors)
//   --batch N                          whole studies per ChangeSet (default 100, the CLI's)
//   --runs N                           timed runs of each step; the median is printed (default 3)
//   --keep                             keep the generated folder and stores (in a temporary folder, printed at start)
//   --folder DIR                       read the files in DIR, generating them there first when it has none; DIR is kept
//                                      (so two builds can be timed on the same files: see compare.sh)
//
// Each run times the reader alone, the ingest into an empty store, and the same ingest again (nothing to change),
// after one untimed read of every file that warms the operating system's cache. Besides wall time it measures the
// process's CPU time (user + system), less sensitive than wall time to other work on the machine, and ends with one
// "RESULT" line per step (medians) for scripts.
using System.Diagnostics;
using System.Globalization;
using Graph.Bench.Ingest;
using Graph.Dicom;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Dicom;
using Graph.Store;
using Graph.Store.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

int studies = 200, series = 10, instances = 10, parallelism = Environment.ProcessorCount, batch = 100, runs = 3;
var keep = false;
string? given = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--studies": studies = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--series": series = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--instances": instances = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--parallelism": parallelism = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--batch": batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--keep": keep = true; break;
        case "--folder": given = Path.GetFullPath(args[++i]); break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; see the usage at the top of Program.cs");
            return 2;
    }
}

var root = Path.Combine(Path.GetTempPath(), $"graph-bench-ingest-{Environment.ProcessId}");
var folder = given ?? Path.Combine(root, "in");
var clock = Stopwatch.StartNew();
int files;
if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any())
{
    files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length;
    Console.WriteLine($"reading the {files:N0} files already in {folder} (the shape options are ignored)");
    studies = Directory.GetDirectories(folder, "STUDY*", SearchOption.AllDirectories).Length;
    series = Directory.GetDirectories(folder, "SERIES*", SearchOption.AllDirectories).Length / Math.Max(1, studies);
}
else
{
    Console.WriteLine($"generating {studies * series * instances:N0} files ({studies} studies x {series} series x {instances} instances) in {folder}");
    files = SyntheticFolder.Write(folder, studies, series, instances);
}

var paths = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
var megabytes = paths.Sum(f => new FileInfo(f).Length) / 1e6;
Console.WriteLine($"generated {files:N0} files, {megabytes:N0} MB, in {clock.Elapsed.TotalSeconds:F1} s; {Environment.ProcessorCount} processors, parallelism {parallelism}, batch {batch}, {runs} runs");
var key = DeidentificationKey.FromSecret("a secret for the ingest benchmark only");

try
{
    ReadAll(paths, parallelism);
    var reader = new List<TimeSpan>();
    var readerCpu = new List<TimeSpan>();
    var firstCpu = new List<TimeSpan>();
    var againCpu = new List<TimeSpan>();
    var first = new List<DicomIngestSummary>();
    var again = new List<DicomIngestSummary>();
    var storeBytes = 0L;
    for (var run = 0; run < runs; run++)
    {
        var cpu = CpuTime();
        clock.Restart();
        ReadAll(paths, parallelism);
        reader.Add(clock.Elapsed);
        readerCpu.Add(CpuTime() - cpu);

        var data = Path.Combine(root, $"data-{run}");
        await using var store = new SqliteGraphStore(Path.Combine(data, "graph.db"));
        await store.EnsureSchemaAsync(CancellationToken.None);
        var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
        var options = new DicomIngestOptions
        {
            Folder = folder,
            Repository = "bench-repo",
            Dataset = "bench-dataset",
            Key = key,
            BatchStudies = batch,
            Parallelism = parallelism,
        };
        cpu = CpuTime();
        first.Add(await DicomFolderIngest.RunAsync(store, writer, options, null, NullLogger.Instance, CancellationToken.None));
        firstCpu.Add(CpuTime() - cpu);
        cpu = CpuTime();
        again.Add(await DicomFolderIngest.RunAsync(store, writer, options, null, NullLogger.Instance, CancellationToken.None));
        againCpu.Add(CpuTime() - cpu);
        if (first[^1].Rejected > 0 || first[^1].Series != studies * series || again[^1].Changed)
        {
            Console.Error.WriteLine($"unexpected result: {first[^1].Rejected} rejected, {first[^1].Series} series, second run changed {again[^1].NodesChanged} nodes");
            return 1;
        }

        storeBytes = Directory.GetFiles(data).Sum(f => new FileInfo(f).Length);
    }

    Console.WriteLine();
    Console.WriteLine($"{"median of " + runs + " runs",-42} {"files",8} {"total s",8} {"read s",7} {"write s",8} {"files/s",9} {"changed",9} {"CPU µs/file",12}");
    var readerOnly = Median(reader);
    Print("reader alone (DicomFile.Read, parallel)", files, readerOnly, readerOnly, "-", Median(readerCpu));
    var ingest = first.OrderBy(s => s.Elapsed).ElementAt(runs / 2);
    Print("ingest into an empty store", ingest.Files, ingest.Elapsed, ingest.ReadTime, $"{ingest.NodesChanged + ingest.EdgesChanged:N0}", Median(firstCpu));
    var rerun = again.OrderBy(s => s.Elapsed).ElementAt(runs / 2);
    Print("ingest again (nothing to change)", rerun.Files, rerun.Elapsed, rerun.ReadTime, $"{rerun.NodesChanged + rerun.EdgesChanged:N0}", Median(againCpu));
    Console.WriteLine();
    Console.WriteLine($"wrote {ingest.Patients:N0} patients, {ingest.Studies:N0} studies, {ingest.Series:N0} series in {ingest.Batches} ChangeSets; store files {storeBytes / 1e6:N1} MB");
    Result("reader", files, readerOnly, Median(readerCpu));
    Result("ingest", files, ingest.Elapsed, Median(firstCpu));
    Result("again", files, rerun.Elapsed, Median(againCpu));
    return 0;
}
finally
{
    if (!keep && Directory.Exists(root))
        Directory.Delete(root, recursive: true);
}

static void ReadAll(string[] paths, int parallelism) =>
    Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, path => DicomFile.Read(path, new DicomReadOptions { MaxInlineBinaryLength = 0 }));

static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

// User plus system time of every thread of the process so far.
static TimeSpan CpuTime()
{
    using var process = Process.GetCurrentProcess();
    return process.TotalProcessorTime;
}

static void Print(string run, int files, TimeSpan total, TimeSpan read, string changed, TimeSpan cpu) =>
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{run,-42} {files,8:N0} {total.TotalSeconds,8:F2} {read.TotalSeconds,7:F2} {(total - read).TotalSeconds,8:F2} {files / total.TotalSeconds,9:N0} {changed,9} {cpu.TotalMicroseconds / files,12:F1}"));

static void Result(string step, int files, TimeSpan wall, TimeSpan cpu) =>
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"RESULT step={step} files={files} wall_us_per_file={wall.TotalMicroseconds / files:F2} cpu_us_per_file={cpu.TotalMicroseconds / files:F2}"));
