using System.Globalization;
using System.Text;

namespace Graph.Bench;

/// <summary>
/// Seeded streams of distinct requests drawn from realistic filters of the demo catalogue (datasets, modalities, body parts, the
/// patient's sex and age range, cancer types, slice thickness, words): no request occurs twice in a stream, so no answer can be
/// served from a cache of whole answers. Single clauses do repeat (MR is asked for often), as in real traffic.
/// </summary>
internal static class DistinctRequests
{
    public static readonly string[] Modalities = ["MR", "CT", "PT", "MG", "US", "NM"];
    public static readonly string[] BodyParts = ["BRAIN", "BREAST", "CHEST", "PROSTATE", "ABDOMEN", "PELVIS", "LIVER", "CHESTABDPELVIS", "ABDOMENPELVIS", "WHOLEBODY", "COLON", "AXILLA"];
    public static readonly string[] CancerTypes = ["breast", "colon", "lung", "prostate", "rectum", "liver", "glioma", "neuroblastoma", "glioblastoma"];
    public static readonly string[] Sexes = ["F", "M"];
    public static readonly string[] FacetFields = ["modality", "bodyPart", "manufacturer", "model", "contrast"];

    /// <summary>Kinds a search is restricted to (null: all), as a search page's tabs offer them.</summary>
    public static readonly string[]?[] SearchKinds = [null, ["Series"], ["Study"], ["Dataset"], ["Series", "Study"], ["Dataset", "CancerType", "Concept"]];

    public static List<FacetRequest> Facets(int count, int seed, IReadOnlyList<string> datasets) => Distinct(count, seed, random =>
    {
        var (from, to) = AgeRange(random);
        return new FacetRequest(
            Pick(random, Modalities, 1, 3),
            random.Next(3) == 0 ? null : Pick(random, BodyParts, 1, 4),
            random.Next(3) == 0 ? Sexes[random.Next(2)] : null,
            from,
            to,
            random.Next(3) == 0 ? Pick(random, datasets, 1, 6) : null,
            20);
    }, r => r.OursWhere());

    public static List<CohortRequest> Cohorts(int count, int seed) => Distinct(count, seed, random =>
    {
        var (from, to) = AgeRange(random);
        return new CohortRequest(Pick(random, CancerTypes, 1, 3), from, to, random.Next(3) == 0 ? Sexes[random.Next(2)] : null,
            Pick(random, Modalities, 1, 2), random.Next(6, 61) / 10.0);
    }, r => r.Ours());

    public static List<PageRequest> Pages(int count, int seed) => Distinct(count, seed, random =>
    {
        var (from, to) = AgeRange(random);
        return new PageRequest(random.Next(10, 31), from, to, random.Next(3) == 0 ? Sexes[random.Next(2)] : null,
            random.Next(3) == 0 ? CancerTypes[random.Next(CancerTypes.Length)] : null);
    }, r => r.Ours());

    /// <summary>Keys drawn without repetition (a seeded shuffle), at most <paramref name="count"/>.</summary>
    public static List<string> Keys(IReadOnlyList<string> keys, int count, int seed) =>
        [.. keys.ToArray().Shuffled(new Random(seed)).Take(count)];

    /// <summary>Kinds searched for two words (<see cref="WordPairs"/>).</summary>
    public static readonly string[][] PairKinds = [["Series"], ["Study"], ["Dataset"], ["Series", "Study"]];

    /// <summary>Every pair of a word and kinds to search of which some text has the word (or a word starting with it), shuffled
    /// (seeded): distinct by construction.</summary>
    public static List<SearchRequest> Searches(IReadOnlyList<string> words, IReadOnlyList<(string Kind, string Text)> texts, int seed)
    {
        var tokens = texts.SelectMany(t => Tokenize(t.Text).Select(token => (t.Kind, Token: token))).Distinct().ToArray();
        var requests = new List<SearchRequest>();
        foreach (var word in words)
        {
            var kinds = tokens.Where(t => t.Token.StartsWith(word, StringComparison.Ordinal)).Select(t => t.Kind).ToHashSet(StringComparer.Ordinal);
            requests.AddRange(SearchKinds.Where(k => k is null || k.Any(kinds.Contains)).Select(k => new SearchRequest(word, k)));
        }

        return [.. requests.ToArray().Shuffled(new Random(seed))];
    }

    /// <summary>
    /// Searches for two words of one text (seeded, distinct, at most <paramref name="count"/>): each a comparable word starting
    /// a different word of the text, in the text's order, in kinds that hold the text, and the two together naming no concept
    /// (ours would add the concept's other names). Only kinds whose searched texts are single texts: a concept's synonyms are a
    /// list, which PostgreSQL searches as one joined text, where the two words could come from two synonyms.
    /// </summary>
    public static List<SearchRequest> WordPairs(IReadOnlyList<string> words, IReadOnlyList<(string Kind, string Text)> texts, IEnumerable<string> conceptNames, int count, int seed)
    {
        var comparable = words.ToHashSet(StringComparer.Ordinal);
        var starts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] Starts(string token) => starts.TryGetValue(token, out var found) ? found
            : starts[token] = [.. WordStarts(token).Where(comparable.Contains)];
        var names = conceptNames.Select(n => string.Join(' ', Tokenize(n))).ToHashSet(StringComparer.Ordinal);
        var pairTexts = texts.Where(t => PairKinds.Any(k => k.Contains(t.Kind)))
            .Select(t => (t.Kind, Tokens: Tokenize(t.Text).Distinct().Where(token => Starts(token).Length > 0).ToArray()))
            .Where(t => t.Tokens.Length >= 2).ToArray();
        // Drawn until `count` are found or attempts run out (launch scale has fewer pairs than the other streams' requests).
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var requests = new List<SearchRequest>();
        for (var attempts = 0; pairTexts.Length > 0 && requests.Count < count && attempts < 20 * count; attempts++)
        {
            var (kind, tokens) = pairTexts[random.Next(pairTexts.Length)];
            var first = random.Next(tokens.Length);
            var second = (first + random.Next(1, tokens.Length)) % tokens.Length;
            var (a, b) = (Starts(tokens[Math.Min(first, second)]), Starts(tokens[Math.Max(first, second)]));
            var inKinds = PairKinds.Where(k => k.Contains(kind)).ToArray();
            var request = new SearchRequest($"{a[random.Next(a.Length)]} {b[random.Next(b.Length)]}", inKinds[random.Next(inKinds.Length)]);
            if (!names.Contains(request.Word) && seen.Add(request.ToString()))
                requests.Add(request);
        }

        return requests;
    }

    /// <summary>
    /// Texts as users type them into a search box, drawn from the words of the searched texts: whole words, word starts, words
    /// with a typo (a letter dropped, doubled, replaced or swapped with its neighbour), two neighbouring words; each searched in
    /// all kinds or in some. Every pair of text and kinds occurs once.
    /// </summary>
    public static List<SearchRequest> ForgivingTexts(IEnumerable<string> texts, int count, int seed)
    {
        var phrases = texts.Select(t => Tokenize(t).ToArray()).Where(t => t.Length > 0).Distinct(new TokensComparer()).ToArray();
        var words = phrases.SelectMany(t => t).Where(w => w.Length >= 3 && char.IsLetter(w[0])).Distinct().Order(StringComparer.Ordinal).ToArray();
        return Distinct(count, seed, random =>
        {
            var word = words[random.Next(words.Length)];
            var text = random.Next(5) switch
            {
                0 => word[..random.Next(3, word.Length + 1)],
                1 when word.Length >= 5 => Typo(word, random),
                2 => Neighbours(phrases[random.Next(phrases.Length)], random) ?? word,
                _ => word,
            };
            return new SearchRequest(text, random.Next(3) == 0 ? SearchKinds[random.Next(1, SearchKinds.Length)] : null);
        }, r => r.ToString());
    }

    /// <summary>
    /// Single words for which a case-insensitive substring match (PostgreSQL's ILIKE '%word%', PostGraphile's includesInsensitive)
    /// and our word match (whole word or start of one, a typo of one edit from 5 letters and two from 9, and the other names of a
    /// concept the text names) select the same records: words and word starts (3 characters or more, the first a letter) of the searched texts that
    /// occur inside no other word, are within typo distance of no word they do not start, and name no concept.
    /// </summary>
    public static List<string> ComparableWords(IEnumerable<string> texts, IEnumerable<string> conceptNames)
    {
        var tokens = texts.SelectMany(Tokenize).ToHashSet(StringComparer.Ordinal);
        var names = conceptNames.Select(n => string.Join(' ', Tokenize(n))).ToHashSet(StringComparer.Ordinal);
        var candidates = tokens.SelectMany(WordStarts).ToHashSet(StringComparer.Ordinal);
        var words = new List<string>();
        foreach (var word in candidates.Order(StringComparer.Ordinal))
        {
            if (names.Contains(word) || !char.IsAsciiLetter(word[0]) || !word.All(char.IsAsciiLetterOrDigit))
                continue;
            var edits = word.Length >= 9 ? 2 : word.Length >= 5 ? 1 : 0;
            var comparable = tokens.All(t => t.StartsWith(word, StringComparison.Ordinal)
                || (!t.Contains(word, StringComparison.Ordinal) && (edits == 0 || !WithinEdits(word, t, edits))));
            if (comparable)
                words.Add(word);
        }

        return words;
    }

    // A word's starts of 3 characters or more, the word itself last.
    private static IEnumerable<string> WordStarts(string token) => Enumerable.Range(3, Math.Max(0, token.Length - 2)).Select(n => token[..n]);

    /// <summary>Lower-case words of letters and digits, accents removed.</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        var folded = new string(text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).ToLowerInvariant();
        return Words(folded);
    }

    /// <summary>Values as a reader sees them in a request's description ("any" when the filter is left out).</summary>
    public static string Show(string[]? values) => values is null ? "any" : string.Join("/", values);

    public static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));

    private static string Typo(string word, Random random)
    {
        var at = random.Next(1, word.Length - 1);
        return random.Next(4) switch
        {
            0 => word.Remove(at, 1),
            1 => word.Insert(at, word[at].ToString()),
            2 => string.Concat(word.AsSpan(0, at), ((char)('a' + random.Next(26))).ToString(), word.AsSpan(at + 1)),
            _ => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
        };
    }

    private static string? Neighbours(string[] tokens, Random random)
    {
        if (tokens.Length < 2)
            return null;
        var at = random.Next(tokens.Length - 1);
        return $"{tokens[at]} {tokens[at + 1]}";
    }

    private sealed class TokensComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(string[] tokens) => string.Join(' ', tokens).GetHashCode(StringComparison.Ordinal);
    }

    // Optimal string alignment distance (a swap of neighbours is one edit), as the service counts typos.
    private static bool WithinEdits(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
            return false;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length] <= max;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    // Age ranges of 5 to 40 years starting between 18 and 80: 2,000 ranges, so that most requests carry a range no request before had.
    private static (int From, int To) AgeRange(Random random)
    {
        var from = random.Next(18, 81);
        return (from, from + random.Next(5, 41));
    }

    private static string[] Pick(Random random, IReadOnlyList<string> values, int least, int most) =>
        [.. values.ToArray().Shuffled(random).Take(random.Next(least, Math.Min(most, values.Count) + 1)).Order(StringComparer.Ordinal)];

    private static T[] Shuffled<T>(this T[] values, Random random)
    {
        random.Shuffle(values);
        return values;
    }

    private static List<T> Distinct<T>(int count, int seed, Func<Random, T> next, Func<T, string> key)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var requests = new List<T>(count);
        for (var attempts = 0; requests.Count < count && attempts < count * 20; attempts++)
        {
            var request = next(random);
            if (seen.Add(key(request)))
                requests.Add(request);
        }

        if (requests.Count < count)
            throw new InvalidOperationException($"Only {requests.Count:N0} distinct requests of {typeof(T).Name} could be drawn (asked for {count:N0}).");
        return requests;
    }
}
