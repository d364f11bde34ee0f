using Graph.Dicom.IO;

namespace Graph.Dicom;

/// <summary>Reads the metadata of DICOM Part 10 files: everything up to the pixel data, which is never loaded.</summary>
/// <remarks>
/// Reads files with or without the 128-byte preamble, "DICM" prefix and file meta information, in implicit or explicit
/// VR little endian, explicit VR big endian, deflated explicit VR little endian, and every encapsulated transfer syntax.
/// Whatever the input, a read either returns a data set or throws <see cref="DicomReadException"/>, within the limits
/// of <see cref="DicomReadOptions"/>.
/// </remarks>
public static class DicomFile
{
    /// <summary>Reads the header of the DICOM file at a path.</summary>
    public static DicomDataset Read(string path, DicomReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream stream;
        try
        {
            // Unbuffered: the reader buffers once and seeks past what it skips.
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DicomReadException($"the file could not be opened ({ex.GetType().Name})", path, null, null, ex);
        }

        using (stream)
        {
            return DicomParser.Parse(stream, path, options ?? DicomReadOptions.Default);
        }
    }

    /// <summary>Reads a DICOM file or bare data set from a stream's current position; the stream is left open.</summary>
    public static DicomDataset Read(Stream stream, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return DicomParser.Parse(stream, null, options ?? DicomReadOptions.Default);
    }
}
