using Graph.Domain;

namespace Graph.Catalog.Storage;

/// <summary>Derives the relationships of a kind <see cref="RelationKind.FromCodedFields"/> from the start nodes' coded fields.</summary>
/// <remarks>A node is linked to the concept <c>SYSTEM:value</c> of each coded field, and to the concept of each CURIE of a
/// field that <see cref="FieldDef.HoldsCuries"/>, when the concepts table holds it live. Nodes with the same single codes
/// share one neighbour array, so a million series cost one reference each.</remarks>
internal sealed class CodedLinks
{
    private static readonly IReadOnlyDictionary<string, object?> EmptyProperties = new Dictionary<string, object?>();
    private readonly StringColumn[] _columns;
    private readonly int[][] _concepts;
    private readonly StringListColumn[] _lists;
    private readonly int[][] _listConcepts;
    private readonly Dictionary<long, int[]> _shared = [];

    private CodedLinks(RelationKind kind, NodeTable from, NodeTable concepts)
    {
        _columns = kind.From.Fields.Where(f => f.CodeSystem is not null).Select(f => (StringColumn)from.Column(f.Name)!).ToArray();
        _concepts = _columns.Select(column => Resolve(column.Values, column.Field.CodeSystem + ":", concepts)).ToArray();
        _lists = kind.From.Fields.Where(f => f.HoldsCuries).Select(f => (StringListColumn)from.Column(f.Name)!).ToArray();
        _listConcepts = _lists.Select(column => Resolve(column.Values, "", concepts)).ToArray();
    }

    /// <summary>The concept ordinal of every value of a column's dictionary (-1 when the catalogue lacks it).</summary>
    private static int[] Resolve(ValueDictionary values, string prefix, NodeTable concepts)
    {
        var ordinals = new int[values.Count];
        for (var code = 0; code < ordinals.Length; code++)
            ordinals[code] = concepts.Find(prefix + values[code]);
        return ordinals;
    }

    /// <summary>Builds the whole adjacency of a derived kind.</summary>
    public static Adjacency Build(RelationKind kind, NodeTable from, NodeTable concepts)
    {
        var links = new CodedLinks(kind, from, concepts);
        var outgoing = new ChunkedArrayBuilder<int[]>(ChunkedArray<int[]>.Empty, null!);
        var incoming = new List<int>?[concepts.Count];
        var count = 0;
        for (var ordinal = 0; ordinal < from.Count; ordinal++)
        {
            if (!from.IsLive(ordinal))
                continue;
            var targets = links.Targets(ordinal);
            if (targets.Length == 0)
                continue;
            outgoing.Set(ordinal, targets);
            count += targets.Length;
            foreach (var target in targets)
                (incoming[target] ??= []).Add(ordinal);
        }

        var reverse = new ChunkedArrayBuilder<int[]>(ChunkedArray<int[]>.Empty, null!);
        for (var concept = 0; concept < incoming.Length; concept++)
        {
            if (incoming[concept] is { } list)
                reverse.Set(concept, [.. list]);
        }

        return new Adjacency(kind, outgoing.Build(), reverse.Build(), count, System.Collections.Immutable.ImmutableDictionary<long, IReadOnlyDictionary<string, object?>>.Empty);
    }

    /// <summary>Re-derives the links of some start nodes (changed or new) on top of the previous adjacency.</summary>
    public static Adjacency Update(Adjacency source, NodeTable from, NodeTable concepts, IEnumerable<int> ordinals, SnapshotChanges.Builder? changes = null)
    {
        var links = new CodedLinks(source.Kind, from, concepts);
        var builder = new AdjacencyBuilder(source);
        foreach (var ordinal in ordinals)
        {
            foreach (var target in source.Neighbours(ordinal, forward: true))
                builder.Remove(ordinal, target);
            if (!from.IsLive(ordinal))
                continue;
            foreach (var target in links.Targets(ordinal))
                builder.Add(ordinal, target, EmptyProperties);
        }

        if (changes is not null)
            builder.Report(changes);
        return builder.Build();
    }

    /// <summary>The concept ordinals a node is coded as, ascending; one shared array per combination of codes.</summary>
    private int[] Targets(int ordinal)
    {
        if (_lists.Length > 0)
            return WithLists(ordinal);
        long signature = 0;
        for (var i = 0; i < _columns.Length; i++)
            signature = (signature * (_concepts[i].Length + 2)) + Math.Min(_columns[i].Code(ordinal), _concepts[i].Length) + 1;
        if (_shared.TryGetValue(signature, out var shared))
            return shared;
        var targets = new SortedSet<int>();
        for (var i = 0; i < _columns.Length; i++)
        {
            var code = _columns[i].Code(ordinal);
            if (code >= 0 && code < _concepts[i].Length && _concepts[i][code] >= 0)
                targets.Add(_concepts[i][code]);
        }

        shared = [.. targets];
        _shared[signature] = shared;
        return shared;
    }

    /// <summary>The concept ordinals of a node of a kind with CURIE lists (annotations: few, so not shared).</summary>
    private int[] WithLists(int ordinal)
    {
        var targets = new SortedSet<int>();
        for (var i = 0; i < _columns.Length; i++)
        {
            var code = _columns[i].Code(ordinal);
            if (code >= 0 && code < _concepts[i].Length && _concepts[i][code] >= 0)
                targets.Add(_concepts[i][code]);
        }

        for (var i = 0; i < _lists.Length; i++)
        {
            foreach (var code in _lists[i].CodesOf(ordinal) ?? [])
            {
                if (code < _listConcepts[i].Length && _listConcepts[i][code] >= 0)
                    targets.Add(_listConcepts[i][code]);
            }
        }

        return targets.Count == 0 ? [] : [.. targets];
    }
}
