using System.Text;

namespace Graph.Dicom.Text;

/// <summary>A character set that an ISO 2022 escape sequence can designate to G0 or G1.</summary>
/// <param name="Kind">How bytes of the set turn into characters.</param>
/// <param name="Encoding">The .NET encoding that decodes the set, where one is used.</param>
internal sealed record CodeElement(CodeElementKind Kind, Encoding? Encoding)
{
    /// <summary>ISO-IR 6 (ASCII) in G0; also stands for JIS X 0201 Romaji.</summary>
    public static readonly CodeElement Ascii = new(CodeElementKind.Ascii, null);

    /// <summary>JIS X 0201 Katakana in G1 (ISO-IR 13).</summary>
    public static readonly CodeElement Katakana = new(CodeElementKind.Katakana, null);
}
