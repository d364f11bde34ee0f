using System.Globalization;
using Graph.Ingest;
using Graph.Ingest.Dicom;
using Spectre.Console;

namespace Graph.Cli.Commands;

/// <summary>Shows a folder ingest's progress: Spectre.Console bars on a terminal, a plain line every few seconds otherwise.</summary>
internal static class IngestProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    public static async Task<DicomIngestSummary> RunAsync(
        Func<IProgress<DicomIngestProgress>, CancellationToken, Task<DicomIngestSummary>> ingest, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return await ingest(Plain(), cancellationToken);

        DicomIngestSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var bars = Bars(context.AddTask("reading", maxValue: 1), context.AddTask("writing", autoStart: false, maxValue: 1));
                summary = await ingest(bars, cancellationToken);
            });
        return summary!;
    }

    private static SyncProgress<DicomIngestProgress> Bars(ProgressTask reading, ProgressTask writing)
    {
        var rate = 0.0;
        return new SyncProgress<DicomIngestProgress>(p =>
        {
            reading.MaxValue = Math.Max(1, p.FilesTotal);
            reading.Value = p.FilesRead;
            if (p.Phase == DicomIngestPhase.Reading)
                rate = p.FilesRead / Math.Max(0.001, p.Elapsed.TotalSeconds);
            reading.Description = Text($"{p.FilesRead:N0} files, {rate:N0} files/s, {p.Series:N0} series, {p.Rejected:N0} errors");
            if (p.Phase != DicomIngestPhase.Writing)
                return;
            if (!writing.IsStarted)
                writing.StartTask();
            writing.MaxValue = Math.Max(1, p.StudiesTotal);
            writing.Value = p.StudiesWritten;
            writing.Description = Text($"{p.StudiesWritten:N0} of {p.StudiesTotal:N0} studies written");
        });
    }

    private static SyncProgress<DicomIngestProgress> Plain()
    {
        var gate = new Lock();
        TimeSpan? last = null;
        var lastLine = string.Empty;
        return new SyncProgress<DicomIngestProgress>(p =>
        {
            lock (gate)
            {
                var done = p.Phase == DicomIngestPhase.Reading ? p.FilesRead == p.FilesTotal : p.StudiesWritten == p.StudiesTotal;
                if (p.Elapsed - last < PlainInterval && !done)
                    return;
                var line = p.Phase == DicomIngestPhase.Reading
                    ? Text($"reading: {p.FilesRead:N0} of {p.FilesTotal:N0} files, {p.FilesRead / Math.Max(0.001, p.Elapsed.TotalSeconds):N0} files/s, {p.Series:N0} series, {p.Rejected:N0} errors")
                    : Text($"writing: {p.StudiesWritten:N0} of {p.StudiesTotal:N0} studies");
                if (line == lastLine)
                    return;
                (last, lastLine) = (p.Elapsed, line);
                Console.WriteLine(line);
            }
        });
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
