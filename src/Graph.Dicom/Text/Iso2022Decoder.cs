using System.Text;

namespace Graph.Dicom.Text;

/// <summary>Decodes a value written with ISO 2022 code extensions: escape sequences designate sets to G0 and G1, and the VR
/// decides where the designations reset (PS3.5 6.1.2.5.3).</summary>
internal static class Iso2022Decoder
{
    private const byte Esc = 0x1B;
    private static readonly CodeElement Jis0208 = new(CodeElementKind.Jis0208, null);
    private static readonly CodeElement Jis0212 = new(CodeElementKind.Jis0212, null);
    private static readonly CodeElement KsX1001 = new(CodeElementKind.DoubleByte, CharacterSetTerms.CodePage(949));
    private static readonly CodeElement Gb2312 = new(CodeElementKind.DoubleByte, CharacterSetTerms.CodePage(936));
    private static readonly Encoding EucJp = CharacterSetTerms.CodePage(20932);

    /// <summary>Whether the bytes need this decoder: they hold an escape or a byte above 0x7F.</summary>
    public static bool IsNeeded(ReadOnlySpan<byte> bytes) => bytes.IndexOf(Esc) >= 0 || bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>Decodes the bytes into <paramref name="chars"/> and returns how many were written.</summary>
    /// <param name="bytes">The value.</param>
    /// <param name="vr">Its VR.</param>
    /// <param name="initialG1">The set in G1 at the start of the value and after each reset, or null.</param>
    /// <param name="chars">At least as many characters as there are bytes.</param>
    /// <param name="scratch">At least one and a half times as many bytes, plus four.</param>
    public static int Decode(ReadOnlySpan<byte> bytes, DicomVR vr, CodeElement? initialG1, char[] chars, byte[] scratch)
    {
        var g0 = CodeElement.Ascii;
        var g1 = initialG1;
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
                    g1 = initialG1;
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
                g1 = new CodeElement(CodeElementKind.SingleByte, CharacterSetTerms.SingleByteEncoding(number));
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
