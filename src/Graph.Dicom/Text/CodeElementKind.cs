namespace Graph.Dicom.Text;

/// <summary>How the bytes of a designated character set are decoded.</summary>
internal enum CodeElementKind
{
    /// <summary>One byte per character, 0x00-0x7F, as ASCII.</summary>
    Ascii,

    /// <summary>One byte per character, 0xA0-0xFF, through a single-byte encoding (ISO 8859, TIS 620).</summary>
    SingleByte,

    /// <summary>JIS X 0201 half-width Katakana, 0xA1-0xDF.</summary>
    Katakana,

    /// <summary>Two 7-bit bytes per character in G0: JIS X 0208 (ISO-IR 87).</summary>
    Jis0208,

    /// <summary>Two 7-bit bytes per character in G0: JIS X 0212 (ISO-IR 159).</summary>
    Jis0212,

    /// <summary>Two 8-bit bytes per character in G1 through an EUC encoding: KS X 1001 (ISO-IR 149), GB 2312 (ISO-IR 58).</summary>
    DoubleByte,
}
