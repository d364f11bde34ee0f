using System.Text;
using System.Text.Unicode;

namespace Graph.Ingest.Records;

/// <summary>The one way imports read bytes as text: UTF-8 or refused, never a byte replaced by U+FFFD.</summary>
internal static class StrictUtf8
{
    /// <summary>Why a file that is not UTF-8 is refused.</summary>
    public const string Refusal = "the file is not UTF-8 text";

    /// <summary>Whether the content is UTF-8 throughout.</summary>
    public static bool IsValid(byte[] content) => Utf8.IsValid(content);

    /// <summary>The text of the content, a byte order mark kept; null when the content is not UTF-8.</summary>
    public static string? Decode(byte[] content) => IsValid(content) ? Encoding.UTF8.GetString(content) : null;
}
