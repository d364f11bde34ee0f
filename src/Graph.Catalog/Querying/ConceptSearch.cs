using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>Finds concepts by code, curie, label or synonym for search boxes and autocomplete, best matches first.</summary>
public static class ConceptSearch
{
    /// <summary>The longest search text accepted.</summary>
    public const int MaxTextLength = 200;

    /// <summary>
    /// Concepts whose code or curie starts with the text, or whose label or a synonym has, for every word of the text,
    /// a word starting with it (ignoring case and accents); optionally only of some systems (by name or curie prefix).
    /// </summary>
    /// <exception cref="CatalogQueryException">The text is empty or too long, or the limit is out of range.</exception>
    public static IReadOnlyList<GraphNode> Find(CatalogSnapshot snapshot, string text, IReadOnlyCollection<string>? systems, int limit)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var query = text?.Trim() ?? "";
        if (query.Length == 0 || query.Length > MaxTextLength)
            throw new CatalogQueryException($"The concept search text must have 1 to {MaxTextLength} characters; it had {query.Length}.");
        if (limit is < 1 or > 1000)
            throw new CatalogQueryException($"The concept search limit must be between 1 and 1000; it was {limit}.");
        var folded = TextFold.Fold(query);
        var words = folded.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var table = snapshot.Table(GraphModel.Concept);
        var ranked = new List<(int Rank, string Key, int Ordinal)>();
        for (var node = 0; node < table.Count; node++)
        {
            if (!table.IsLive(node))
                continue;
            var key = table.Key(node);
            var system = table.Get(node, "system") as string;
            if (systems is { Count: > 0 } && !systems.Any(s => s == system || key.StartsWith(s + ":", StringComparison.Ordinal)))
                continue;
            var rank = Rank(folded, words, key, table.Get(node, "code") as string, table.Get(node, "label") as string, table.Get(node, "synonyms") as string[]);
            if (rank >= 0)
                ranked.Add((rank, key, node));
        }

        return ranked.OrderBy(r => r.Rank).ThenBy(r => r.Key, StringComparer.Ordinal).Take(limit)
            .Select(r => snapshot.At(GraphModel.Concept, r.Ordinal)!).ToList();
    }

    private static readonly char[] Separators = [' ', ',', ';', '(', ')', '-', '/', '\t'];

    private static int Rank(string folded, string[] words, string curie, string? code, string? label, string[]? synonyms)
    {
        var foldedCode = TextFold.Fold(code ?? "");
        var foldedCurie = TextFold.Fold(curie);
        if (foldedCurie == folded || foldedCode == folded)
            return 0;
        if (foldedCurie.StartsWith(folded, StringComparison.Ordinal) || (foldedCode.Length > 0 && foldedCode.StartsWith(folded, StringComparison.Ordinal)))
            return 1;
        if (label is not null && TextFold.Fold(label).StartsWith(folded, StringComparison.Ordinal))
            return 2;
        if (label is not null && WordsMatch(words, label))
            return 3;
        return synonyms?.Any(s => WordsMatch(words, s)) == true ? 4 : -1;
    }

    private static bool WordsMatch(string[] words, string text)
    {
        var candidates = TextFold.Fold(text).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(w => candidates.Any(c => c.StartsWith(w, StringComparison.Ordinal)));
    }
}
