using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace Graph.Dicom.Text;

/// <summary>Decodes text values under a Specific Character Set (0008,0005), including ISO 2022 code extensions.</summary>
/// <remarks>
/// Without a character set, bytes decode as ISO 8859-1 so no byte is lost. JIS X 0212 (ISO 2022 IR 159) is decoded
/// as far as .NET's EUC-JP encoding goes, which is JIS X 0208 only.
/// </remarks>
internal sealed class DicomCharacterSet
{
    private const int MaxCached = 256;
    private static readonly ConcurrentDictionary<string, DicomCharacterSet> Cache = new(StringComparer.Ordinal);

    private readonly Encoding? _whole;
    private readonly CodeElement? _initialG1;

    private DicomCharacterSet(Encoding whole)
    {
        _whole = whole;
    }

    private DicomCharacterSet(CodeElement? initialG1)
    {
        _initialG1 = initialG1;
    }

    /// <summary>The character set of data sets without (0008,0005): ASCII, with other bytes read as ISO 8859-1.</summary>
    public static DicomCharacterSet Default { get; } = new(Encoding.Latin1);

    /// <summary>UTF-8, for DICOM JSON and ISO_IR 192.</summary>
    public static DicomCharacterSet Utf8 { get; } = new(Encoding.UTF8);

    /// <summary>Returns the decoder for the values of a Specific Character Set element.</summary>
    public static DicomCharacterSet Get(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0 || (terms.Count == 1 && terms[0].Length == 0))
        {
            return Default;
        }

        var key = string.Join('\\', terms);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var created = Create(terms);
        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(key, created);
        }

        return created;
    }

    /// <summary>Decodes a value of the given VR; the VR decides where ISO 2022 state resets (PS3.5 6.1.2.5.3).</summary>
    public string Decode(ReadOnlySpan<byte> bytes, DicomVR vr)
    {
        if (_whole is not null)
        {
            return _whole.GetString(bytes);
        }

        if (!Iso2022Decoder.IsNeeded(bytes))
        {
            return Encoding.Latin1.GetString(bytes);
        }

        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        var scratch = ArrayPool<byte>.Shared.Rent((bytes.Length * 3 / 2) + 4);
        try
        {
            var written = Iso2022Decoder.Decode(bytes, vr, _initialG1, chars, scratch);
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static DicomCharacterSet Create(IReadOnlyList<string> terms)
    {
        var iso2022 = false;
        foreach (var term in terms)
        {
            iso2022 |= CharacterSetTerms.IsIso2022(CharacterSetTerms.Normalize(term));
        }

        if (!iso2022)
        {
            var first = terms.FirstOrDefault(t => t.Length > 0) ?? string.Empty;
            return new DicomCharacterSet(CharacterSetTerms.WholeEncoding(CharacterSetTerms.Normalize(first)));
        }

        // The first value sets the initial state: G0 is ASCII (or JIS X 0201 Romaji), G1 is its 8-bit set if any.
        var initial = CharacterSetTerms.Designation(CharacterSetTerms.Normalize(terms[0]));
        return new DicomCharacterSet(initial is { Kind: CodeElementKind.SingleByte or CodeElementKind.Katakana } ? initial : null);
    }
}
