using System.Globalization;
using System.Text;

namespace Graph.Catalog.Querying;

/// <summary>Folds text for matching: lower case, accents removed.</summary>
public static class TextFold
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
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
