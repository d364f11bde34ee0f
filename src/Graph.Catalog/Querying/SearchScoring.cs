using Graph.Catalog.Storage;

namespace Graph.Catalog.Querying;

/// <summary>How text search scores values and marks the words that matched: every word must match; a whole word counts
/// twice a prefix, a typo far less; a value that is exactly the text ranks above longer ones.</summary>
internal static class SearchScoring
{
    // The best score of every value code over the variants of the text; null when no value matches.
    public static double[]? ScoreCodes(ValueDictionary values, List<(string[] Words, double Factor, bool Typos)> variants, double weight)
    {
        var index = TokenIndex.Of(values);
        double[]? byCode = null;
        foreach (var (words, factor, typos) in variants)
        {
            var scores = Score(index, words, weight, typos);
            if (scores.Count == 0)
                continue;
            var whole = string.Join(' ', words);
            byCode ??= new double[values.Count];
            foreach (var (code, score) in scores)
            {
                // A value that is exactly the query (a cancer type's name) ranks above longer texts that contain it.
                var points = factor * (index.IsPhrase(code, whole) ? score + 2 * weight : score);
                if (code < byCode.Length && points > byCode[code])
                    byCode[code] = points;
            }
        }

        return byCode;
    }

    // Score per code: every word must match; a whole-word match counts twice a prefix match, a typo far less.
    private static Dictionary<int, double> Score(TokenIndex index, string[] words, double weight, bool typos)
    {
        Dictionary<int, double>? scores = null;
        foreach (var word in words)
        {
            var (exact, prefix) = index.Match(word);
            var fuzzy = typos ? index.Fuzzy(word) : null;
            var next = new Dictionary<int, double>();
            void Add(int code, double points)
            {
                if (scores is null)
                    next[code] = points;
                else if (scores.TryGetValue(code, out var previous))
                    next[code] = previous + points;
            }

            foreach (var code in prefix)
                Add(code, exact.Contains(code) ? 2 * weight : weight);
            foreach (var code in fuzzy ?? [])
            {
                if (!prefix.Contains(code))
                    Add(code, 2 * weight * TextSearch.TypoFactor);
            }

            scores = next;
            if (scores.Count == 0)
                break;
        }

        return scores ?? [];
    }

    // The words of a hit's text that matched a word of the text (whole, prefix or typo) or of one of its other names.
    public static TextSpan[] Highlight(string text, List<(string[] Words, double Factor, bool Typos)> variants)
    {
        var spans = new List<TextSpan>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                var token = TextFold.Fold(text[start..i]);
                if (variants.Any(v => v.Words.Any(w => token.StartsWith(w, StringComparison.Ordinal)
                    || (v.Typos && EditDistance.Allowed(w.Length) is var max and > 0 && EditDistance.Within(w, token, max)))))
                    spans.Add(new TextSpan(start, i - start));
                start = -1;
            }
        }

        return [.. spans];
    }
}
