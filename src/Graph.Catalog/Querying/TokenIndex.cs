using System.Runtime.CompilerServices;
using Graph.Catalog.Storage;

namespace Graph.Catalog.Querying;

/// <summary>Folded tokens of the distinct texts of a column, mapped to their codes; extended as texts are added.</summary>
internal sealed class TokenIndex
{
    private static readonly ConditionalWeakTable<ValueDictionary, TokenIndex> Cache = [];
    private readonly ValueDictionary _values;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<int>> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<int>> _fuzzy = new(StringComparer.Ordinal);
    private string[] _sorted = [];
    private int _indexed;

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

    /// <summary>Codes of texts with a token equal to <paramref name="token"/>, and of texts with a token that starts with it.</summary>
    public (HashSet<int> Exact, HashSet<int> Prefix) Match(string token)
    {
        lock (_gate)
        {
            Extend();
            var exact = _codes.TryGetValue(token, out var list) ? list.ToHashSet() : [];
            var prefix = new HashSet<int>();
            var start = Array.BinarySearch(_sorted, token, StringComparer.Ordinal);
            for (var i = start < 0 ? ~start : start; i < _sorted.Length && _sorted[i].StartsWith(token, StringComparison.Ordinal); i++)
                prefix.UnionWith(_codes[_sorted[i]]);
            return (exact, prefix);
        }
    }

    /// <summary>Codes of texts with a token at most <see cref="EditDistance.Allowed"/> edits from <paramref name="token"/> (a typo), prefix matches included.</summary>
    public HashSet<int> Fuzzy(string token)
    {
        var max = EditDistance.Allowed(token.Length);
        lock (_gate)
        {
            Extend();
            if (max == 0)
                return [];
            if (_fuzzy.TryGetValue(token, out var cached))
                return cached;
            var codes = new HashSet<int>();
            foreach (var (candidate, list) in _codes)
            {
                if (EditDistance.Within(token, candidate, max))
                    codes.UnionWith(list);
            }

            // Typed words repeat (autocomplete, paging); the cache is cleared when it grows past what a search box produces.
            if (_fuzzy.Count >= 4096)
                _fuzzy.Clear();
            _fuzzy[token] = codes;
            return codes;
        }
    }

    private void Extend()
    {
        var count = _values.Count;
        if (_indexed == count)
            return;
        for (var code = _indexed; code < count; code++)
        {
            foreach (var token in Tokenize(_values[code]).Distinct())
            {
                if (!_codes.TryGetValue(token, out var list))
                    _codes[token] = list = [];
                list.Add(code);
            }
        }

        _indexed = count;
        _fuzzy.Clear();
        _sorted = [.. _codes.Keys.Order(StringComparer.Ordinal)];
    }
}
