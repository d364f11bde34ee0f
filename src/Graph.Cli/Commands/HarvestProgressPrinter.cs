using System.Diagnostics;
using Graph.Ingest.Harvest;

namespace Graph.Cli.Commands;

/// <summary>Prints the harvest's progress to the error output, at most every two seconds.</summary>
internal sealed class HarvestProgressPrinter(TextWriter error, bool quiet) : IProgress<HarvestProgress>
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.Zero;

    public void Report(HarvestProgress value)
    {
        if (quiet || _watch.Elapsed - _last < TimeSpan.FromSeconds(2))
            return;
        _last = _watch.Elapsed;
        error.WriteLine($"graph harvest: {value.StudiesSeen:N0} studies listed, {value.StudiesUnchanged:N0} unchanged, {value.StudiesWritten:N0} written, {value.Errors:N0} errors");
    }
}
