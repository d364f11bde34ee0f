using CsCheck;
using Graph.Catalog.Querying;
using Graph.Catalog.Storage;

namespace Graph.Catalog.Tests;

/// <summary>The token index that text search reads without a lock: what it finds for a word (whole, prefix, typo, exact text)
/// equals a scan of every text, after texts are added and while they are added.</summary>
public sealed class TokenIndexTests
{
    private static readonly string[] Syllables = ["ax", "ial", "flair", "t2", "cor", "onal", "arter", "ial", "post", "con", "trast", "b1000", "dwi", "pha", "se"];

    [Fact]
    public void Lookups_TextsAddedBetweenSearches_EqualAScanOfEveryText() =>
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var values = new ValueDictionary();
            var index = TokenIndex.Of(values);
            for (var batch = 0; batch < 3; batch++)
            {
                for (var i = random.Next(1, 20); i > 0; i--)
                    values.Intern(Text(random));
                var tokens = Tokens(values);
                foreach (var word in Words(values, random))
                    Assert.Equal(Expected(tokens, values.Count, word), Found(index, word));
                for (var code = 0; code < values.Count; code++)
                {
                    var phrase = string.Join(' ', TokenIndex.Tokenize(values[code]));
                    Assert.True(index.IsPhrase(code, phrase), $"'{values[code]}' is '{phrase}'");
                    Assert.False(index.IsPhrase(code, phrase + " x"), $"'{values[code]}' is not '{phrase} x'");
                }
            }
        }, iter: 200);

    [Fact]
    public async Task Lookups_WhileTextsAreAdded_FindEveryTextAddedBeforeAndNoneThatDoesNotMatch()
    {
        var random = new Random(5);
        var values = new ValueDictionary();
        var index = TokenIndex.Of(values);
        values.Intern(Text(random));
        var texts = Enumerable.Range(0, 3000).Select(_ => Text(random)).ToArray();
        var words = Enumerable.Range(0, 200).Select(_ => Word(texts[random.Next(texts.Length)], random)).ToArray();

        // The writer adds texts 50 at a time and lets the readers make a few lookups in between, so that lookups run while
        // texts are added.
        var lookups = 0;
        var writing = Task.Run(() =>
        {
            foreach (var batch in texts.Chunk(50))
            {
                var next = Volatile.Read(ref lookups) + 4;
                SpinWait.SpinUntil(() => Volatile.Read(ref lookups) >= next, TimeSpan.FromSeconds(1));
                foreach (var text in batch)
                    values.Intern(text);
            }
        });
        var checks = await Task.WhenAll(Enumerable.Range(0, 4).Select(reader => Task.Run(() =>
        {
            var found = new List<(string Word, int Before, string Found)>();
            for (var i = 0; !writing.IsCompleted || i < words.Length; i++)
            {
                var word = words[(i + (reader * 50)) % words.Length];
                var before = values.Count;
                found.Add((word, before, Found(index, word)));
                Interlocked.Increment(ref lookups);
            }

            return found;
        })));
        await writing;

        Assert.True(checks.SelectMany(c => c).Select(c => c.Before).Distinct().Count() > 30, "lookups ran while texts were added");

        // Every code a lookup gave matches the word; every text added before it began is among them (codes are given in order).
        var tokens = Tokens(values);
        var expected = words.Distinct().ToDictionary(w => w, w => Expected(tokens, tokens.Length, w).Split(" | ").Select(Codes).ToArray());
        foreach (var (word, before, found) in checks.SelectMany(c => c))
        {
            var given = found.Split(" | ").Select(Codes).ToArray();
            for (var part = 0; part < 3; part++)
            {
                var all = expected[word][part];
                Assert.True(given[part].IsSubsetOf(all), $"'{word}' part {part}: {string.Join(",", given[part].Except(all))} do not match");
                Assert.True(all.Where(code => code < before).All(given[part].Contains), $"'{word}' part {part}: misses texts added before the lookup began ({before})");
            }
        }
    }

    [Fact]
    public void Fuzzy_DistinctTyposOfACommonWord_KeepsBoundedMemoryAndFindsTheWordEachTime()
    {
        // 3,000 texts share one long word; each of 700 distinct typos of it (two edits allowed from 9 letters) matches all of
        // them: 2.1 million codes if every answer were kept.
        var values = new ValueDictionary();
        for (var i = 0; i < 3000; i++)
            values.Intern($"contrasted series {i}");
        var index = TokenIndex.Of(values);
        var random = new Random(3);
        var typos = new HashSet<string>(StringComparer.Ordinal);
        while (typos.Count < 700)
        {
            var typo = "contrasted".Remove(random.Next(10), 1).Insert(random.Next(9), ((char)('a' + random.Next(26))).ToString());
            if (typo != "contrasted")
                typos.Add(typo);
        }

        foreach (var typo in typos)
        {
            Assert.Equal(3000, index.Fuzzy(typo).Count);
            Assert.InRange(index.CachedTypoCodes, 0, TokenIndex.MaxCachedTypoCodes);
        }

        Assert.Equal(3000, index.Fuzzy(typos.First()).Count);
    }

    [Fact]
    public void LettersFilter_WordsWithinTheEditsAllowed_AreNeverRuledOut()
    {
        // Pairs a few edits apart (inserts, deletes, substitutions, swaps of neighbours) and unrelated pairs, over few letters
        // (so that many pairs are close) and characters outside a to z and 0 to 9 (which share bits).
        const string alphabet = "abcz09éßж-";
        var ruledOut = 0;
        var close = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            string Word() => new([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var a = Word();
            var b = random.Next(4) == 0 ? Word() : a;
            for (var edits = random.Next(0, 4); edits > 0; edits--)
            {
                var at = random.Next(b.Length + 1);
                var letter = alphabet[random.Next(alphabet.Length)].ToString();
                b = random.Next(4) switch
                {
                    0 => b.Insert(at, letter),
                    1 when at < b.Length => b.Remove(at, 1),
                    2 when at < b.Length => b.Remove(at, 1).Insert(at, letter),
                    3 when at + 1 < b.Length => string.Concat(b.AsSpan(0, at), b.AsSpan(at + 1, 1), b.AsSpan(at, 1), b.AsSpan(at + 2)),
                    _ => b,
                };
            }

            for (var max = 1; max <= 2; max++)
            {
                var may = EditDistance.MayBeWithin(EditDistance.Letters(a), EditDistance.Letters(b), max);
                if (EditDistance.Within(a, b, max))
                {
                    Interlocked.Increment(ref close);
                    Assert.True(may, $"'{a}' and '{b}' are {max} edits apart or fewer, but the filter rules them out");
                }
                else if (!may)
                {
                    Interlocked.Increment(ref ruledOut);
                }
            }
        }, iter: 5000);

        // The filter spares the edit distance for most pairs that are not close.
        Assert.True(close > 1000 && ruledOut > 1000, $"{close} close pairs, {ruledOut} ruled out by their letters");
        Assert.False(EditDistance.MayBeWithin(EditDistance.Letters("glioma"), EditDistance.Letters("breast"), 2));
    }

    private static string Text(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]))))
        + (random.Next(4) == 0 ? " Éé" : "");

    // Tokens of the texts whole, cut short and with a typo, and words found in none.
    private static IEnumerable<string> Words(ValueDictionary values, Random random)
    {
        for (var i = 0; i < 30; i++)
            yield return Word(values[random.Next(values.Count)], random);
        yield return "zzzzzzz";
    }

    private static string Word(string text, Random random)
    {
        var tokens = TokenIndex.Tokenize(text);
        var token = tokens[random.Next(tokens.Length)];
        var at = random.Next(token.Length);
        return random.Next(4) switch
        {
            0 => token[..(at + 1)],
            1 => token.Remove(at, 1) + (random.Next(2) == 0 ? "" : "x"),
            2 => token.Insert(at, "q"),
            _ => token,
        };
    }

    private static string Found(TokenIndex index, string word)
    {
        var (exact, prefix) = index.Match(word);
        return $"{Show(exact)} | {Show(prefix)} | {Show(index.Fuzzy(word))}";
    }

    private static string[][] Tokens(ValueDictionary values) => [.. Enumerable.Range(0, values.Count).Select(code => TokenIndex.Tokenize(values[code]))];

    // Exact, prefix and typo matches by a scan of the first `count` texts' tokens.
    private static string Expected(string[][] texts, int count, string word)
    {
        var max = EditDistance.Allowed(word.Length);
        var tokens = texts.Take(count).Select((t, code) => (Code: code, Tokens: t)).ToArray();
        return $"{Show(tokens.Where(t => t.Tokens.Contains(word)).Select(t => t.Code))} | " +
            $"{Show(tokens.Where(t => t.Tokens.Any(x => x.StartsWith(word, StringComparison.Ordinal))).Select(t => t.Code))} | " +
            $"{Show(tokens.Where(t => max > 0 && t.Tokens.Any(x => EditDistance.Within(word, x, max))).Select(t => t.Code))}";
    }

    private static string Show(IEnumerable<int> codes) => string.Join(",", codes.Order());

    private static HashSet<int> Codes(string shown) => shown.Length == 0 ? [] : [.. shown.Split(',').Select(int.Parse)];
}
