using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Graph.Catalog.Storage;

namespace Graph.Catalog.Querying;

/// <summary>
/// Folded tokens of the distinct texts of a column, mapped to their codes. Searches read an immutable vocabulary without a
/// lock (a search that finds a word not seen before scans for its typos while others go on); texts added to the column since
/// are indexed into a new vocabulary by the first search that needs them.
/// </summary>
internal sealed class TokenIndex
{
    /// <summary>Typed words repeat (autocomplete, paging): the typos of this many words are kept per vocabulary, then
    /// forgotten all at once.</summary>
    private const int MaxCachedTypos = 4096;

    /// <summary>The most codes the kept typos may hold in all (a few MiB): a typo of a word common in a million series'
    /// descriptions matches a large part of them, and a stream of distinct typos of it must not fill the memory.</summary>
    internal const int MaxCachedTypoCodes = 1 << 20;

    private static readonly ConditionalWeakTable<ValueDictionary, TokenIndex> Cache = [];
    private readonly ValueDictionary _values;
    private readonly Lock _gate = new();
    private volatile Vocabulary _vocabulary = new([], [], [], [], [], 0);

    private TokenIndex(ValueDictionary values) => _values = values;

    public static TokenIndex Of(ValueDictionary values) => Cache.GetValue(values, v => new TokenIndex(v));

    /// <summary>Splits folded text into tokens of letters and digits.</summary>
    public static string[] Tokenize(string text)
    {
        var folded = TextFold.Fold(text);
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                tokens.Add(folded[start..i]);
                start = -1;
            }
        }

        return [.. tokens];
    }

    /// <summary>Whether the text of <paramref name="code"/> is, as folded tokens joined by spaces, exactly <paramref name="phrase"/>
    /// (a code <see cref="Match"/> or <see cref="Fuzzy"/> returned): a hash kept per code rules out all but equal texts.</summary>
    public bool IsPhrase(int code, string phrase)
    {
        var hashes = Current().PhraseHashes;
        return (uint)code < (uint)hashes.Length && hashes[code] == phrase.GetHashCode(StringComparison.Ordinal)
            && string.Join(' ', Tokenize(_values[code])) == phrase;
    }

    /// <summary>Codes of texts with a token equal to <paramref name="token"/>, and of texts with a token that starts with it.</summary>
    public (HashSet<int> Exact, HashSet<int> Prefix) Match(string token)
    {
        var vocabulary = Current();
        var exact = vocabulary.Codes.TryGetValue(token, out var codes) ? codes.ToHashSet() : [];
        var prefix = new HashSet<int>();
        var sorted = vocabulary.Sorted;
        var start = Array.BinarySearch(sorted, token, StringComparer.Ordinal);
        for (var i = start < 0 ? ~start : start; i < sorted.Length && sorted[i].StartsWith(token, StringComparison.Ordinal); i++)
            prefix.UnionWith(vocabulary.Codes[sorted[i]]);
        return (exact, prefix);
    }

    /// <summary>Codes of texts with a token at most <see cref="EditDistance.Allowed"/> edits from <paramref name="token"/> (a typo), prefix matches included.</summary>
    public HashSet<int> Fuzzy(string token)
    {
        var max = EditDistance.Allowed(token.Length);
        if (max == 0)
            return [];
        var vocabulary = Current();
        if (vocabulary.Typos.TryGetValue(token, out var cached))
            return cached;
        // Only tokens whose length is within the edits allowed, and that lack few of its characters, can be close enough.
        var codes = new HashSet<int>();
        var letters = EditDistance.Letters(token);
        for (var length = Math.Max(0, token.Length - max); length <= token.Length + max && length < vocabulary.ByLength.Length; length++)
        {
            var candidates = vocabulary.ByLength[length];
            var candidateLetters = vocabulary.LettersByLength[length];
            for (var i = 0; i < candidates.Length; i++)
            {
                if (EditDistance.MayBeWithin(letters, candidateLetters[i], max) && EditDistance.Within(token, candidates[i], max))
                    codes.UnionWith(vocabulary.Codes[candidates[i]]);
            }
        }

        vocabulary.Remember(token, codes);
        return codes;
    }

    /// <summary>The codes the current vocabulary's kept typos hold in all.</summary>
    internal int CachedTypoCodes => _vocabulary.TypoCodes;

    private Vocabulary Current()
    {
        var vocabulary = _vocabulary;
        if (vocabulary.Indexed == _values.Count)
            return vocabulary;
        lock (_gate)
        {
            if (_vocabulary.Indexed != _values.Count)
                _vocabulary = _vocabulary.Extend(_values);
            return _vocabulary;
        }
    }

    /// <summary>The tokens of the column's first <paramref name="Indexed"/> codes: their codes, in order, by length (with their
    /// <see cref="EditDistance.Letters"/>), and the hash of each code's folded text; never changed once made (searches share it
    /// without a lock).</summary>
    private sealed class Vocabulary(Dictionary<string, int[]> codes, string[] sorted, string[][] byLength, ulong[][] lettersByLength, int[] phraseHashes, int indexed)
    {
        public Dictionary<string, int[]> Codes { get; } = codes;

        public string[] Sorted { get; } = sorted;

        /// <summary>The tokens of each length.</summary>
        public string[][] ByLength { get; } = byLength;

        /// <summary>The <see cref="EditDistance.Letters"/> of each token of <see cref="ByLength"/>.</summary>
        public ulong[][] LettersByLength { get; } = lettersByLength;

        public int[] PhraseHashes { get; } = phraseHashes;

        public int Indexed { get; } = indexed;

        private int _typoCodes;
        private int _typoWords;

        /// <summary>The codes of the typos of words searched in this vocabulary.</summary>
        public ConcurrentDictionary<string, HashSet<int>> Typos { get; } = new(StringComparer.Ordinal);

        /// <summary>The codes <see cref="Typos"/> hold in all (give or take those of lookups racing a clear).</summary>
        public int TypoCodes => Volatile.Read(ref _typoCodes);

        /// <summary>Keeps the typos of a word, first forgetting all kept ones when they are as many words or codes as allowed.
        /// The words are counted here, not by <see cref="ConcurrentDictionary{TKey, TValue}.Count"/>, which takes every one of the
        /// dictionary's locks (more as it grows).</summary>
        public void Remember(string token, HashSet<int> codes)
        {
            if (Volatile.Read(ref _typoWords) >= MaxCachedTypos || TypoCodes + codes.Count > MaxCachedTypoCodes)
            {
                Typos.Clear();
                Volatile.Write(ref _typoCodes, 0);
                Volatile.Write(ref _typoWords, 0);
            }

            if (codes.Count <= MaxCachedTypoCodes && Typos.TryAdd(token, codes))
            {
                Interlocked.Add(ref _typoCodes, codes.Count);
                Interlocked.Increment(ref _typoWords);
            }
        }

        /// <summary>A vocabulary that adds the codes of the column indexed since.</summary>
        public Vocabulary Extend(ValueDictionary values)
        {
            var count = values.Count;
            var hashes = new int[count];
            Array.Copy(PhraseHashes, hashes, Indexed);
            var added = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var code = Indexed; code < count; code++)
            {
                var tokens = Tokenize(values[code]);
                hashes[code] = string.Join(' ', tokens).GetHashCode(StringComparison.Ordinal);
                foreach (var token in tokens.Distinct())
                {
                    if (!added.TryGetValue(token, out var list))
                        added[token] = list = [];
                    list.Add(code);
                }
            }

            var codes = new Dictionary<string, int[]>(Codes, StringComparer.Ordinal);
            foreach (var (token, list) in added)
                codes[token] = codes.TryGetValue(token, out var before) ? [.. before, .. list] : [.. list];
            string[] sorted = [.. codes.Keys.Order(StringComparer.Ordinal)];
            var byLength = new string[sorted.Length == 0 ? 0 : sorted.Max(t => t.Length) + 1][];
            foreach (var group in sorted.GroupBy(t => t.Length))
                byLength[group.Key] = [.. group];
            for (var length = 0; length < byLength.Length; length++)
                byLength[length] ??= [];
            ulong[][] letters = [.. byLength.Select(tokens => tokens.Select(EditDistance.Letters).ToArray())];
            return new Vocabulary(codes, sorted, byLength, letters, hashes, count);
        }
    }
}
