using System.Globalization;
using System.Text;

namespace Graph.Ingest.Deidentification;

/// <summary>Folds text so that the spellings of one name compare equal: Müller (composed or not), MULLER, ＭＵＬＬＥＲ
/// and Mueller; Øvregård, Ovregard and Oevregaard; ヤマダ and やまだ.</summary>
/// <remarks>
/// The canonical fold: compatibility composition (NFKC: fullwidth letters and digits, half-width kana, ligatures),
/// format characters (soft hyphen, zero-width joiners) dropped, lower case, the letters that decomposition leaves whole
/// transliterated (Ø o, Ł l, Æ ae, Œ oe, ß ss, Đ Ð d, Þ th, ı i), diacritics dropped, katakana written as hiragana.
/// The second spelling expands German and Nordic vowels first (ä æ ae, ö ø oe, ü ue, å aa).
/// </remarks>
internal static class TextFold
{
    /// <summary>The canonical fold of a text and, when it differs, its German and Nordic spelling.</summary>
    public static IReadOnlyList<string> Spellings(string text)
    {
        var canonical = Fold(text, expand: false);
        var expanded = Fold(text, expand: true);
        return expanded == canonical ? [canonical] : [canonical, expanded];
    }

    /// <summary>The letters and digits of a folded text only ("MRN 998-877" is mrn998877).</summary>
    public static string LettersAndDigits(string folded)
    {
        var kept = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
                kept.Append(c);
        }

        return kept.ToString();
    }

    private static string Fold(string text, bool expand)
    {
        var compatible = text.Normalize(NormalizationForm.FormKC);
        var lower = new StringBuilder(compatible.Length);
        foreach (var c in compatible)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                continue;
            var l = char.ToLowerInvariant(c);
            if (((expand ? Expanded(l) : null) ?? Transliterated(l)) is { } replacement)
                lower.Append(replacement);
            else
                lower.Append(l);
        }

        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            // Katakana (and its iteration marks) as hiragana: a reading is written in either.
            folded.Append(c is >= '\u30A1' and <= '\u30F6' or '\u30FD' or '\u30FE' ? (char)(c - 0x60) : c);
        }

        // Hangul syllables were decomposed into jamo: composed again, a name matches whole syllables only.
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string? Expanded(char c) => c switch
    {
        'ä' or 'æ' => "ae",
        'ö' or 'ø' => "oe",
        'ü' => "ue",
        'å' => "aa",
        _ => null,
    };

    // Letters that canonical decomposition leaves as they are.
    private static string? Transliterated(char c) => c switch
    {
        'ø' => "o",
        'ł' => "l",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'đ' or 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        _ => null,
    };
}
