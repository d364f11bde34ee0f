using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>
/// Text search over titles, names, labels and descriptions: every word must match, as a whole word, a prefix (for autocomplete)
/// or with a typo (one edit from 5 characters, two from 9), ignoring case and accents; a text that names a concept also finds
/// the concept's other names (synonyms, abbreviations, codes). Whole words rank above prefixes, prefixes above typos, other names below the text itself.
/// </summary>
public static class TextSearch
{
    /// <summary>The longest query accepted, in characters.</summary>
    public const int MaxLength = 200;

    /// <summary>The most words in a query.</summary>
    public const int MaxWords = 10;

    /// <summary>The most hits a caller may ask for in one page.</summary>
    public const int MaxFirst = 100;

    /// <summary>The fields searched, with their weight in the score.</summary>
    public static readonly IReadOnlyList<(NodeKind Kind, string Field, double Weight)> Fields =
    [
        (GraphModel.CancerType, "name", 3),
        (GraphModel.Dataset, "title", 3),
        (GraphModel.Repository, "name", 2),
        (GraphModel.Concept, "label", 2),
        (GraphModel.Algorithm, "name", 2),
        (GraphModel.Concept, "synonyms", 1),
        (GraphModel.Concept, "code", 3),
        (GraphModel.Dataset, "description", 1),
        (GraphModel.Study, "description", 1),
        (GraphModel.Series, "description", 1),
    ];

    // The searchable kinds, in the order of their first field (ties between hits go to the earlier kind), and each kind's fields.
    private static readonly string[] Searchable = [.. Fields.Select(f => f.Kind.Label).Distinct()];
    private static readonly (NodeKind Kind, (string Field, double Weight)[] Fields)[] FieldsByKind =
        [.. Fields.GroupBy(f => f.Kind).Select(g => (g.Key, g.Select(f => (f.Field, f.Weight)).ToArray()))];

    /// <summary>Points a hit gets for a text's other names (synonyms, abbreviations) against the text itself.</summary>
    public const double SynonymFactor = 0.5;

    /// <summary>Points of a word matched with a typo against the same word matched whole (a prefix gets half).</summary>
    public const double TypoFactor = 0.125;

    /// <summary>Finds nodes whose searched fields contain every word of <paramref name="text"/>, the best <paramref name="first"/>.</summary>
    /// <exception cref="CatalogQueryException">The text is empty, too long or has too many words, or a kind is not searchable.</exception>
    public static SearchResult Search(CatalogSnapshot snapshot, string text, IReadOnlyCollection<string>? kinds, int first) =>
        Search(snapshot, text, kinds, first, null);

    /// <summary>Finds nodes whose searched fields contain every word of <paramref name="text"/>, the best <paramref name="first"/> after the cursor <paramref name="after"/>.</summary>
    /// <exception cref="CatalogQueryException">The text is empty, too long or has too many words, a kind is not searchable, or the cursor is not one of a search.</exception>
    public static SearchResult Search(CatalogSnapshot snapshot, string text, IReadOnlyCollection<string>? kinds, int first, string? after)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
            throw new CatalogQueryException($"The search text has {text.Length} characters; at most {MaxLength} are accepted.");
        var words = TokenIndex.Tokenize(text);
        if (words.Length == 0)
            throw new CatalogQueryException("The search text has no letters or digits.");
        if (words.Length > MaxWords)
            throw new CatalogQueryException($"The search text has {words.Length} words; at most {MaxWords} are accepted.");
        var unknown = kinds?.FirstOrDefault(k => !Searchable.Contains(k));
        if (unknown is not null)
            throw new CatalogQueryException($"'{unknown}' is not a searchable kind; searchable kinds are {string.Join(", ", Searchable)}.");
        Hit? cursor = after is null ? null : SearchCursor.Decode(after);

        // The text itself, with typos, then the other names of the concept it names, without.
        var variants = new List<(string[] Words, double Factor, bool Typos)> { (words, 1, true) };
        foreach (var alternative in SearchSynonyms.Of(snapshot).For(words))
            variants.Add((alternative, SynonymFactor, false));

        // Scores looked up per value code in an array, and hits streamed into a queue of the best `first` (a row's best field
        // wins, the first field on ties): a word common in series descriptions matches tens of thousands of rows.
        var best = new PriorityQueue<Hit, Hit>(HitOrder.Worst);
        var total = 0;
        var following = 0;
        var countsByKind = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (kind, fields) in FieldsByKind)
        {
            if (kinds is not null && !kinds.Contains(kind.Label))
                continue;
            var table = snapshot.Table(kind);
            var kindOrder = Array.IndexOf(Searchable, kind.Label);
            var count = 0;
            // Only kinds searched in several fields need to merge a row's hits.
            Dictionary<int, Hit>? merged = fields.Length > 1 ? [] : null;
            // With every node live (the whole catalogue, no deletions), a value's nodes that are only counted are counted by
            // the length of their list.
            var allLive = table.LiveCount == table.Count;
            foreach (var (field, weight) in fields)
            {
                var column = table.Column(field);
                var values = column switch
                {
                    StringColumn s => s.Values,
                    StringListColumn l => l.Values,
                    _ => null,
                };
                if (values is null)
                    continue;
                var byCode = SearchScoring.ScoreCodes(values, variants, weight);
                if (byCode is null)
                    continue;

                if (column is StringColumn single)
                {
                    // One value per node: the nodes of each matching value, by the column's postings, best values first. Once
                    // the best kept are all better than a value's score, none of its nodes can be kept: they are only counted
                    // (a word common in series descriptions matches tens of thousands of them).
                    var postings = ValuePostings.Of(snapshot, table, single);
                    foreach (var code in Matched(byCode))
                    {
                        var score = byCode[code];
                        var outranked = merged is null && (cursor is null || cursor.Value.Score > score)
                            && (first <= 0 || (best.Count >= first && best.Peek().Score > score));
                        var nodes = postings.Of(code);
                        if (outranked && allLive)
                        {
                            count += nodes.Length;
                            following += nodes.Length;
                            continue;
                        }

                        foreach (var ordinal in nodes)
                        {
                            if (!table.IsLive(ordinal))
                                continue;
                            if (outranked)
                            {
                                count++;
                                following++;
                            }
                            else
                            {
                                Take(new Hit(kindOrder, ordinal, score, field, values[code]));
                            }
                        }
                    }

                    continue;
                }

                for (var ordinal = 0; ordinal < table.Count; ordinal++)
                {
                    if (!table.Live[ordinal])
                        continue;
                    var (score, code) = BestOf((StringListColumn)column!, ordinal, byCode);
                    if (score > 0)
                        Take(new Hit(kindOrder, ordinal, score, field, values[code]));
                }
            }

            foreach (var hit in merged?.Values ?? Enumerable.Empty<Hit>())
            {
                count++;
                Offer(best, hit, first, cursor, ref following);
            }

            total += count;
            if (count > 0)
                countsByKind[kind.Label] = count;

            // A row's hit: kept, or merged with its hits in the kind's other fields (the best wins, the first field on ties).
            void Take(Hit hit)
            {
                if (merged is null)
                {
                    count++;
                    Offer(best, hit, first, cursor, ref following);
                }
                else if (!merged.TryGetValue(hit.Ordinal, out var current) || current.Score < hit.Score)
                    merged[hit.Ordinal] = hit;
            }
        }

        // Highlights are found when asked for, once per text (the best hits often share a common series description).
        var top = new SearchHit[best.Count];
        var highlights = new Dictionary<string, Highlights>(StringComparer.Ordinal);
        for (var i = top.Length - 1; best.TryDequeue(out var hit, out _); i--)
        {
            if (!highlights.TryGetValue(hit.Text, out var spans))
                highlights[hit.Text] = spans = new Highlights(hit.Text, variants);
            top[i] = new SearchHit(snapshot.At(GraphModel.Kind(Searchable[hit.KindOrder])!, hit.Ordinal)!, hit.Score, hit.Field, hit.Text,
                SearchCursor.Encode(hit), spans);
        }

        return new SearchResult(total, top, countsByKind, following > top.Length);
    }

    /// <summary>The codes that scored above 0, best first.</summary>
    private static List<int> Matched(double[] byCode)
    {
        var codes = new List<int>();
        for (var code = 0; code < byCode.Length; code++)
        {
            if (byCode[code] > 0)
                codes.Add(code);
        }

        codes.Sort((x, y) => byCode[y].CompareTo(byCode[x]));
        return codes;
    }

    /// <summary>Keeps <paramref name="hit"/> if it follows the cursor and is among the best <paramref name="first"/> so far (the queue's head is the worst kept).</summary>
    private static void Offer(PriorityQueue<Hit, Hit> best, Hit hit, int first, Hit? cursor, ref int following)
    {
        if (cursor is { } after && HitOrder.Best.Compare(hit, after) <= 0)
            return;
        following++;
        if (best.Count < first)
            best.Enqueue(hit, hit);
        else if (first > 0 && HitOrder.Best.Compare(hit, best.Peek()) < 0)
            best.EnqueueDequeue(hit, hit);
    }

    /// <summary>The words of a hit's text that matched, found on first use (a caller that does not ask for them pays nothing).</summary>
    private sealed class Highlights(string text, List<(string[] Words, double Factor, bool Typos)> variants) : IReadOnlyList<TextSpan>
    {
        private readonly Lazy<TextSpan[]> _spans = new(() => SearchScoring.Highlight(text, variants));

        public int Count => _spans.Value.Length;

        public TextSpan this[int index] => _spans.Value[index];

        public IEnumerator<TextSpan> GetEnumerator() => ((IEnumerable<TextSpan>)_spans.Value).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static (double Score, int Code) BestOf(StringListColumn column, int ordinal, double[] scores)
    {
        (double Score, int Code) best = (0, -1);
        foreach (var code in column.CodesOf(ordinal) ?? [])
        {
            if (code >= 0 && code < scores.Length && scores[code] > best.Score)
                best = (scores[code], code);
        }

        return best;
    }
}
