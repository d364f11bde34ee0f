namespace Graph.Store.Neo4j;

/// <summary>Groups rows by kind in first-seen order; a repeated identity goes to a later generation, or is dropped when distinct.</summary>
internal sealed class Batches<TKind>(bool distinct = false)
    where TKind : notnull
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly List<List<(TKind Kind, List<object?> Rows)>> _generations = [];

    /// <summary>Adds a row of a kind, identified so that repeats can be told apart.</summary>
    public void Add(TKind kind, string identity, object? row)
    {
        var generation = _seen.GetValueOrDefault(identity);
        if (distinct && generation > 0)
            return;
        _seen[identity] = generation + 1;
        if (generation == _generations.Count)
            _generations.Add([]);
        var groups = _generations[generation];
        var index = groups.FindIndex(g => EqualityComparer<TKind>.Default.Equals(g.Kind, kind));
        if (index < 0)
        {
            groups.Add((kind, []));
            index = groups.Count - 1;
        }

        groups[index].Rows.Add(row);
    }

    /// <summary>The groups, generation by generation, kinds in first-seen order.</summary>
    public IEnumerable<(TKind Kind, List<object?> Rows)> InOrder() => _generations.SelectMany(g => g);
}
