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
    private const byte Esc = 0x1B;
    private const int MaxCached = 256;
    private static readonly ConcurrentDictionary<string, DicomCharacterSet> Cache = new(StringComparer.Ordinal);
    private static readonly Encoding EucJp;
    private static readonly CodeElement Jis0208 = new(CodeElementKind.Jis0208, null);
    private static readonly CodeElement Jis0212 = new(CodeElementKind.Jis0212, null);
    private static readonly CodeElement KsX1001;
    private static readonly CodeElement Gb2312;

    private readonly Encoding? _whole;
    private readonly CodeElement? _initialG1;

    static DicomCharacterSet()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        EucJp = Encoding.GetEncoding(20932);
        KsX1001 = new CodeElement(CodeElementKind.DoubleByte, Encoding.GetEncoding(949));
        Gb2312 = new CodeElement(CodeElementKind.DoubleByte, Encoding.GetEncoding(936));
        Default = new DicomCharacterSet(Encoding.Latin1);
        Utf8 = new DicomCharacterSet(Encoding.UTF8);
    }

    private DicomCharacterSet(Encoding whole)
    {
        _whole = whole;
    }

    private DicomCharacterSet(CodeElement? initialG1)
    {
        _initialG1 = initialG1;
    }

    /// <summary>The character set of data sets without (0008,0005): ASCII, with other bytes read as ISO 8859-1.</summary>
    public static DicomCharacterSet Default { get; }

    /// <summary>UTF-8, for DICOM JSON and ISO_IR 192.</summary>
    public static DicomCharacterSet Utf8 { get; }

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

        if (bytes.IndexOf(Esc) < 0 && !HasHighBytes(bytes))
        {
            return Encoding.Latin1.GetString(bytes);
        }

        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        var scratch = ArrayPool<byte>.Shared.Rent((bytes.Length * 3 / 2) + 4);
        try
        {
            var written = DecodeIso2022(bytes, vr, chars, scratch);
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
            iso2022 |= Normalize(term).StartsWith("ISO2022", StringComparison.Ordinal);
        }

        if (!iso2022)
        {
            var first = terms.FirstOrDefault(t => t.Length > 0) ?? string.Empty;
            return new DicomCharacterSet(WholeEncoding(Normalize(first)));
        }

        // The first value sets the initial state: G0 is ASCII (or JIS X 0201 Romaji), G1 is its 8-bit set if any.
        var initial = Designation(Normalize(terms[0]));
        return new DicomCharacterSet(initial is { Kind: CodeElementKind.SingleByte or CodeElementKind.Katakana } ? initial : null);
    }

    private static string Normalize(string term)
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

    private static string IsoIrNumber(string normalized) =>
        normalized.StartsWith("ISO2022IR", StringComparison.Ordinal) ? normalized[9..]
        : normalized.StartsWith("ISOIR", StringComparison.Ordinal) ? normalized[5..]
        : normalized;

    private static Encoding WholeEncoding(string normalized) => IsoIrNumber(normalized) switch
    {
        "192" => Encoding.UTF8,
        "GB18030" => Encoding.GetEncoding(54936),
        "GBK" => Encoding.GetEncoding(936),
        "13" => Encoding.GetEncoding(932),
        var number => SingleByteEncoding(number) ?? Encoding.Latin1,
    };

    private static Encoding? SingleByteEncoding(string number) => number switch
    {
        "100" => Encoding.Latin1,
        "101" => Encoding.GetEncoding(28592),
        "109" => Encoding.GetEncoding(28593),
        "110" => Encoding.GetEncoding(28594),
        "144" => Encoding.GetEncoding(28595),
        "127" => Encoding.GetEncoding(28596),
        "126" => Encoding.GetEncoding(28597),
        "138" => Encoding.GetEncoding(28598),
        "148" => Encoding.GetEncoding(28599),
        "203" => Encoding.GetEncoding(28605),
        "166" => Encoding.GetEncoding(874),
        _ => null,
    };

    private static CodeElement? Designation(string normalized)
    {
        var number = IsoIrNumber(normalized);
        return number switch
        {
            "" or "6" => CodeElement.Ascii,
            "13" => CodeElement.Katakana,
            _ => SingleByteEncoding(number) is { } encoding ? new CodeElement(CodeElementKind.SingleByte, encoding) : null,
        };
    }

    private static bool HasHighBytes(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    private int DecodeIso2022(ReadOnlySpan<byte> bytes, DicomVR vr, char[] chars, byte[] scratch)
    {
        var g0 = CodeElement.Ascii;
        var g1 = _initialG1;
        var written = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b == Esc)
            {
                i += ReadEscape(bytes[i..], ref g0, ref g1);
                continue;
            }

            if (b < 0x80)
            {
                if (g0.Kind is CodeElementKind.Jis0208 or CodeElementKind.Jis0212 && b > 0x20)
                {
                    var run = RunLength(bytes[i..], 0x21, 0x7E) & ~1;
                    if (run > 0)
                    {
                        written += DecodeJis(bytes.Slice(i, run), g0.Kind == CodeElementKind.Jis0212, chars.AsSpan(written), scratch);
                        i += run;
                        continue;
                    }
                }

                chars[written++] = (char)b;
                i++;
                if (ResetsState(b, vr))
                {
                    g0 = CodeElement.Ascii;
                    g1 = _initialG1;
                }

                continue;
            }

            var high = RunLength(bytes[i..], 0x80, 0xFF);
            written += DecodeHigh(bytes.Slice(i, high), g1, chars.AsSpan(written));
            i += high;
        }

        return written;
    }

    private static int DecodeHigh(ReadOnlySpan<byte> run, CodeElement? g1, Span<char> output)
    {
        switch (g1?.Kind)
        {
            case CodeElementKind.SingleByte or CodeElementKind.DoubleByte:
                return g1.Encoding!.GetChars(run, output);
            case CodeElementKind.Katakana:
                for (var k = 0; k < run.Length; k++)
                {
                    output[k] = run[k] is >= 0xA1 and <= 0xDF ? (char)(0xFF61 + run[k] - 0xA1) : '\uFFFD';
                }

                return run.Length;
            default:
                return Encoding.Latin1.GetChars(run, output);
        }
    }

    private static int DecodeJis(ReadOnlySpan<byte> pairs, bool jis0212, Span<char> output, byte[] scratch)
    {
        // JIS X 0208 in G0 is EUC-JP with the high bits cleared; JIS X 0212 is EUC-JP's 0x8F plane.
        var n = 0;
        for (var k = 0; k < pairs.Length; k += 2)
        {
            if (jis0212)
            {
                scratch[n++] = 0x8F;
            }

            scratch[n++] = (byte)(pairs[k] | 0x80);
            scratch[n++] = (byte)(pairs[k + 1] | 0x80);
        }

        return EucJp.GetChars(scratch.AsSpan(0, n), output);
    }

    private static int RunLength(ReadOnlySpan<byte> bytes, byte low, byte high)
    {
        var end = bytes.IndexOfAnyExceptInRange(low, high);
        return end < 0 ? bytes.Length : end;
    }

    private static bool ResetsState(byte b, DicomVR vr) => vr switch
    {
        DicomVR.PN => b is (byte)'^' or (byte)'=' or (byte)'\\',
        DicomVR.ST or DicomVR.LT or DicomVR.UT => b is (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f',
        _ => b == (byte)'\\',
    };

    private static int ReadEscape(ReadOnlySpan<byte> bytes, ref CodeElement g0, ref CodeElement? g1)
    {
        static byte At(ReadOnlySpan<byte> s, int i) => i < s.Length ? s[i] : (byte)0;

        switch ((char)At(bytes, 1), (char)At(bytes, 2), (char)At(bytes, 3))
        {
            case ('(', 'B', _) or ('(', 'J', _):
                g0 = CodeElement.Ascii;
                return 3;
            case (')', 'I', _):
                g1 = CodeElement.Katakana;
                return 3;
            case ('$', 'B', _) or ('$', '@', _):
                g0 = Jis0208;
                return 3;
            case ('$', '(', 'D'):
                g0 = Jis0212;
                return 4;
            case ('$', ')', 'C'):
                g1 = KsX1001;
                return 4;
            case ('$', ')', 'A'):
                g1 = Gb2312;
                return 4;
            case ('-', var final, _) when SingleByteFinal(final) is { } number:
                g1 = new CodeElement(CodeElementKind.SingleByte, SingleByteEncoding(number));
                return 3;
            default:
                // An escape we do not know: drop the ESC byte and read on.
                return 1;
        }
    }

    private static string? SingleByteFinal(char final) => final switch
    {
        'A' => "100",
        'B' => "101",
        'C' => "109",
        'D' => "110",
        'F' => "126",
        'G' => "127",
        'H' => "138",
        'L' => "144",
        'M' => "148",
        'T' => "166",
        'b' => "203",
        _ => null,
    };
}
