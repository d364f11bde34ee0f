namespace Graph.Dicom;

/// <summary>The one exception the reader throws for input it cannot read: corrupt, truncated, not DICOM, or unreadable.</summary>
/// <remarks>
/// The message names the file, the offset and the element; it never contains an element's value, so it can be
/// logged without leaking patient data.
/// </remarks>
public sealed class DicomReadException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public DicomReadException()
        : this("The DICOM input could not be read.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public DicomReadException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public DicomReadException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Creates an exception that says what was wrong, where.</summary>
    public DicomReadException(string reason, string? path, long? offset, DicomTag? tag, Exception? innerException = null)
        : base(Format(reason, path, offset, tag), innerException)
    {
        Reason = reason;
        Path = path;
        Offset = offset;
        Tag = tag;
    }

    /// <summary>What was wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The file being read, or null when reading a stream or JSON.</summary>
    public string? Path { get; }

    /// <summary>The byte offset of the element being read (in the inflated data set for deflated files), when known.</summary>
    public long? Offset { get; }

    /// <summary>The tag of the element being read, when known.</summary>
    public DicomTag? Tag { get; }

    private static string Format(string reason, string? path, long? offset, DicomTag? tag)
    {
        var where = path ?? "DICOM input";
        var at = (offset, tag) switch
        {
            (not null, not null) => $" (element {tag} at offset {offset})",
            (not null, null) => $" (at offset {offset})",
            (null, not null) => $" (element {tag})",
            _ => string.Empty,
        };
        return $"{where}: {reason}{at}";
    }
}
