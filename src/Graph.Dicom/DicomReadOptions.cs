namespace Graph.Dicom;

/// <summary>Limits that keep the reader's memory and work bounded whatever the input.</summary>
public sealed class DicomReadOptions
{
    private readonly int _maxValueLength = 64 * 1024 * 1024;
    private readonly int _maxInlineBinaryLength = 16 * 1024;
    private readonly long _maxTotalBytes = 256L * 1024 * 1024;
    private readonly int _maxDepth = 64;

    /// <summary>The options used when none are given.</summary>
    public static DicomReadOptions Default { get; } = new();

    /// <summary>The longest value (other than bulk data, which is skipped) that may be loaded; longer ones fail the read.</summary>
    public int MaxValueLength
    {
        get => _maxValueLength;
        init => _maxValueLength = Positive(value);
    }

    /// <summary>The longest OB, OW, OF, OD, OL, OV or UN value that is loaded; longer ones are skipped and marked not loaded.</summary>
    public int MaxInlineBinaryLength
    {
        get => _maxInlineBinaryLength;
        init => _maxInlineBinaryLength = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>The most bytes one read may hold in memory (values and bookkeeping) or, on a stream that cannot seek, skip by reading.</summary>
    public long MaxTotalBytes
    {
        get => _maxTotalBytes;
        init => _maxTotalBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>The deepest nesting of sequences that is read; deeper nesting fails the read.</summary>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = Positive(value);
    }

    private static int Positive(int value) => value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
}
