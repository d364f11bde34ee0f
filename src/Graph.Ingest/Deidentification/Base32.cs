namespace Graph.Ingest.Deidentification;

/// <summary>RFC 4648 base32 (upper case, no padding): letters and digits 2-7, safe in any key or file name.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Encodes bytes, five bits per character.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        Span<char> text = stackalloc char[((bytes.Length * 8) + 4) / 5];
        int buffer = 0, bits = 0, position = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text[position++] = Alphabet[(buffer >> bits) & 31];
            }
        }

        if (bits > 0)
            text[position++] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(text[..position]);
    }
}
