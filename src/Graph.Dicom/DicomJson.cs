using System.Text;
using System.Text.Json;
using Graph.Dicom.Json;

namespace Graph.Dicom;

/// <summary>Reads the DICOM JSON model (PS3.18 F.2), as QIDO-RS and WADO-RS metadata responses carry it.</summary>
/// <remarks>
/// Elements with InlineBinary or BulkDataURI are kept as not loaded; missing or empty Value arrays give empty values;
/// DS and IS may be JSON numbers or strings. Malformed input throws <see cref="DicomReadException"/>.
/// </remarks>
public static class DicomJson
{
    /// <summary>Reads one data set from a JSON object.</summary>
    public static DicomDataset Parse(string json, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), options);
    }

    /// <summary>Reads one data set from a UTF-8 JSON object.</summary>
    public static DicomDataset Parse(ReadOnlySpan<byte> utf8Json, DicomReadOptions? options = null)
    {
        var reader = new DicomJsonReader(options ?? DicomReadOptions.Default);
        using var document = reader.ParseDocument(utf8Json);
        return reader.ReadDataset(document.RootElement);
    }

    /// <summary>Reads the data sets of a JSON array (a single object counts as an array of one).</summary>
    public static IReadOnlyList<DicomDataset> ParseArray(string json, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseArray(Encoding.UTF8.GetBytes(json), options);
    }

    /// <summary>Reads the data sets of a UTF-8 JSON array (a single object counts as an array of one).</summary>
    public static IReadOnlyList<DicomDataset> ParseArray(ReadOnlySpan<byte> utf8Json, DicomReadOptions? options = null)
    {
        var reader = new DicomJsonReader(options ?? DicomReadOptions.Default);
        using var document = reader.ParseDocument(utf8Json);
        return reader.ReadArray(document.RootElement);
    }

    /// <summary>Reads the data sets of a UTF-8 JSON array from a stream, such as an HTTP response body.</summary>
    public static async Task<IReadOnlyList<DicomDataset>> ReadArrayAsync(
        Stream utf8Json, DicomReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var reader = new DicomJsonReader(options ?? DicomReadOptions.Default);
        using var document = await reader.ParseDocumentAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return reader.ReadArray(document.RootElement);
    }
}
