using System.Text;

namespace Graph.Dicom.Text;

/// <summary>What the defined terms of Specific Character Set (0008,0005) name: the encoding of a whole value, or a set that ISO 2022 designates.</summary>
/// <remarks>Terms are compared without case, spaces, '_' or '-', so "ISO_IR 100", "ISO IR 100" and "iso-ir-100" are one term.</remarks>
internal static class CharacterSetTerms
{
    static CharacterSetTerms()
    {
        // The ISO 8859 parts, Thai, Shift JIS, GBK, GB 18030, EUC-KR and EUC-JP come from the code pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The encoding of a code page, from .NET or the code pages provider.</summary>
    public static Encoding CodePage(int codePage) => Encoding.GetEncoding(codePage);

    /// <summary>A term without case, spaces, '_' or '-'.</summary>
    public static string Normalize(string term)
    {
        var builder = new StringBuilder(term.Length);
        foreach (var c in term)
        {
            if (c is not (' ' or '_' or '-'))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether a normalized term is an ISO 2022 one, whose values switch sets with escape sequences.</summary>
    public static bool IsIso2022(string normalized) => normalized.StartsWith("ISO2022", StringComparison.Ordinal);

    /// <summary>The encoding that decodes whole values under a normalized term without code extensions; ISO 8859-1 when the term is unknown.</summary>
    public static Encoding WholeEncoding(string normalized) => IsoIrNumber(normalized) switch
    {
        "192" => Encoding.UTF8,
        "GB18030" => CodePage(54936),
        "GBK" => CodePage(936),
        "13" => CodePage(932),
        var number => SingleByteEncoding(number) ?? Encoding.Latin1,
    };

    /// <summary>The set a normalized ISO 2022 term designates at the start of a value, or null when it names none we decode.</summary>
    public static CodeElement? Designation(string normalized)
    {
        var number = IsoIrNumber(normalized);
        return number switch
        {
            "" or "6" => CodeElement.Ascii,
            "13" => CodeElement.Katakana,
            _ => SingleByteEncoding(number) is { } encoding ? new CodeElement(CodeElementKind.SingleByte, encoding) : null,
        };
    }

    /// <summary>The encoding of a single-byte set by its ISO-IR number (100 for Latin-1, 144 for Cyrillic, ...), or null.</summary>
    public static Encoding? SingleByteEncoding(string number) => number switch
    {
        "100" => Encoding.Latin1,
        "101" => CodePage(28592),
        "109" => CodePage(28593),
        "110" => CodePage(28594),
        "144" => CodePage(28595),
        "127" => CodePage(28596),
        "126" => CodePage(28597),
        "138" => CodePage(28598),
        "148" => CodePage(28599),
        "203" => CodePage(28605),
        "166" => CodePage(874),
        _ => null,
    };

    private static string IsoIrNumber(string normalized) =>
        normalized.StartsWith("ISO2022IR", StringComparison.Ordinal) ? normalized[9..]
        : normalized.StartsWith("ISOIR", StringComparison.Ordinal) ? normalized[5..]
        : normalized;
}
