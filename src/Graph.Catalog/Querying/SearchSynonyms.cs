using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>
/// Other names for what a search text names, from the vocabulary: when the whole text is a concept's label, synonym or code
/// (HCC, GBM, NSCLC, "brain tumour", C71), the labels and synonyms of that concept, of its exact matches and of its broader concepts.
/// Only the vocabulary's concepts count, those of the seed and the graph command: a concept an API caller created names nothing
/// here, so a partner cannot make one term another's other name.
/// </summary>
internal sealed class SearchSynonyms
{
    /// <summary>The most other names one search tries.</summary>
    public const int MaxAlternatives = 16;

    private static readonly RelationKind Broader = GraphModel.Relation("BROADER", "Concept", "Concept")!;

    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);
    private readonly CatalogSnapshot _snapshot;

    private SearchSynonyms(CatalogSnapshot snapshot)
    {
        _snapshot = snapshot;
        var table = snapshot.Table(GraphModel.Concept);
        for (var node = 0; node < table.Count; node++)
        {
            if (!table.IsLive(node) || !IsVocabulary(node))
                continue;
            foreach (var name in Names(node).Append(table.Get(node, "code") as string ?? ""))
            {
                var phrase = string.Join(' ', TokenIndex.Tokenize(name));
                if (phrase.Length == 0)
                    continue;
                if (!_byName.TryGetValue(phrase, out var list))
                    _byName[phrase] = list = [];
                if (!list.Contains(node))
                    list.Add(node);
            }
        }
    }

    public static SearchSynonyms Of(CatalogSnapshot snapshot) =>
        (SearchSynonyms)snapshot.Derived.GetOrAdd("search-synonyms", _ => new SearchSynonyms(snapshot));

    /// <summary>The other names (as folded words) of the concepts the whole of <paramref name="words"/> names; empty when it names none.</summary>
    public IReadOnlyList<string[]> For(string[] words)
    {
        var phrase = string.Join(' ', words);
        if (!_byName.TryGetValue(phrase, out var concepts))
            return [];
        var links = ConceptLinks.Of(_snapshot);
        var broader = _snapshot.Relation(Broader);
        var related = new List<int>();
        foreach (var concept in concepts)
        {
            related.Add(concept);
            related.AddRange(links.Exact(concept, concept));
        }

        foreach (var concept in related.ToList())
            related.AddRange(broader.Neighbours(concept, forward: true));
        var seen = new HashSet<string>(StringComparer.Ordinal) { phrase };
        var result = new List<string[]>();
        foreach (var concept in related.Distinct().Where(IsVocabulary))
        {
            foreach (var name in Names(concept))
            {
                var tokens = TokenIndex.Tokenize(name);
                if (tokens.Length > 0 && tokens.Length <= TextSearch.MaxWords && seen.Add(string.Join(' ', tokens)) && result.Count < MaxAlternatives)
                    result.Add(tokens);
            }
        }

        return result;
    }

    // The seed's and the graph command's concepts: not one an API caller (a partner, say) created and named.
    private bool IsVocabulary(int node) => _snapshot.Table(GraphModel.Concept).Get(node, "writtenBy") is not string;

    private IEnumerable<string> Names(int node)
    {
        var table = _snapshot.Table(GraphModel.Concept);
        if (!table.IsLive(node))
            yield break;
        if (table.Get(node, "label") is string label)
            yield return label;
        foreach (var synonym in table.Get(node, "synonyms") as string[] ?? [])
            yield return synonym;
    }
}
