using System.Globalization;
using System.Text;

namespace Graph.Catalog.Querying;

/// <summary>Folds text for matching: lower case, accents removed.</summary>
internal static class TextFold
{
    /// <summary>Returns the folded form of a text.</summary>
    public static string Fold(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 127 || char.IsUpper(c))
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
            return text;

        // Normalize throws on a lone surrogate (text decoded from a "\ud800" escape); it becomes U+FFFD and matches nothing real.
        var decomposed = WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string WithoutLoneSurrogates(string text)
    {
        StringBuilder? fixedText = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : !char.IsLowSurrogate(c);
            if (paired && char.IsHighSurrogate(c))
            {
                fixedText?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!paired)
                fixedText ??= new StringBuilder(text.Length).Append(text, 0, i);
            fixedText?.Append(paired ? c : '\uFFFD');
        }

        return fixedText?.ToString() ?? text;
    }
}
