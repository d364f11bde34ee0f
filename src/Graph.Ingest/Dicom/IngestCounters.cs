using System.Diagnostics;
using Graph.Ingest.Studies;

namespace Graph.Ingest.Dicom;

/// <summary>Counts files read and studies written from any thread, and reports progress a few times a second.</summary>
internal sealed class IngestCounters(int filesTotal, IngestCatalogue catalogue, IProgress<DicomIngestProgress>? progress)
{
    private static readonly long ReportInterval = Stopwatch.Frequency / 5;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastReport;
    private int _filesRead;
    private int _rejected;
    private int _skipped;
    private int _studiesWritten;
    private int _studiesTotal;
    private DicomIngestPhase _phase;

    /// <summary>Files read, rejected ones included.</summary>
    public int FilesRead => Volatile.Read(ref _filesRead);

    /// <summary>Files rejected.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>DICOMDIR files skipped.</summary>
    public int Skipped => Volatile.Read(ref _skipped);

    /// <summary>Time since the ingest started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Counts a file read; reports if it is time to.</summary>
    public void FileRead(bool rejected = false, bool skipped = false)
    {
        if (rejected)
            Interlocked.Increment(ref _rejected);
        if (skipped)
            Interlocked.Increment(ref _skipped);
        Interlocked.Increment(ref _filesRead);
        Tick();
    }

    /// <summary>Counts files of a study the writer refused.</summary>
    public void Refused(int files) => Interlocked.Add(ref _rejected, files);

    /// <summary>Starts the writing phase.</summary>
    public void StartWriting(int studies)
    {
        _phase = DicomIngestPhase.Writing;
        _studiesTotal = studies;
        Report();
    }

    /// <summary>Counts studies written; reports if it is time to.</summary>
    public void Written(int studies)
    {
        _studiesWritten += studies;
        Tick();
    }

    /// <summary>Reports now.</summary>
    public void Report()
    {
        Interlocked.Exchange(ref _lastReport, _clock.ElapsedTicks);
        progress?.Report(new DicomIngestProgress(
            _phase, FilesRead, filesTotal, Rejected, catalogue.SeriesCount, _studiesWritten, _studiesTotal, _clock.Elapsed));
    }

    private void Tick()
    {
        var last = Interlocked.Read(ref _lastReport);
        var now = _clock.ElapsedTicks;
        if (progress is not null && now - last >= ReportInterval && Interlocked.CompareExchange(ref _lastReport, now, last) == last)
            Report();
    }
}
