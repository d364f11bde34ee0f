using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Graph.Ingest.Records;

/// <summary>States where and why JSON could not be read, as people count: lines and columns from 1, columns in characters.</summary>
/// <remarks>System.Text.Json's own message ends in "LineNumber: 1 | BytePositionInLine: 9.", both counted from 0 and the column in
/// bytes, so it names the line before the one at fault and, after a non-ASCII character, the wrong column.</remarks>
internal static partial class JsonError
{
    /// <summary>The 1-based line and character column of the error in <paramref name="json"/> (null when the exception does not
    /// say), and its reason without System.Text.Json's position or a final full stop.</summary>
    public static (int? Line, int? Column, string Reason) Describe(JsonException exception, ReadOnlySpan<byte> json)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = Position().Replace(exception.Message, "").TrimEnd().TrimEnd('.');
        if (exception.LineNumber is not { } line || exception.BytePositionInLine is not { } bytes)
            return (null, null, reason);
        var start = LineStart(json, line);
        var length = (int)Math.Clamp(bytes, 0, json.Length - start);
        return ((int)line + 1, Encoding.UTF8.GetCharCount(json.Slice(start, length)) + 1, reason);
    }

    // The offset where the zero-based line starts; the end of the content when it has fewer lines.
    private static int LineStart(ReadOnlySpan<byte> json, long line)
    {
        var start = 0;
        for (long i = 0; i < line; i++)
        {
            var next = json[start..].IndexOf((byte)'\n');
            if (next < 0)
                return json.Length;
            start += next + 1;
        }

        return start;
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex Position();
}
