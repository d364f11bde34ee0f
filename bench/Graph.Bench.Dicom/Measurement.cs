namespace Graph.Bench.Dicom;

/// <summary>How many files a reader got through, how many it rejected, and in what time.</summary>
/// <param name="Files">Files read, counting each pass.</param>
/// <param name="Errors">Files that raised an error.</param>
/// <param name="Elapsed">Time spent in the reading loop.</param>
/// <param name="Reader">Which reader.</param>
internal sealed record Measurement(int Files, int Errors, TimeSpan Elapsed, string Reader)
{
    public double FilesPerSecond => Files / Elapsed.TotalSeconds;
}
